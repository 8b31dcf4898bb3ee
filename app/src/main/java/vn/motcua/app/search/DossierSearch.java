package vn.motcua.app.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import vn.motcua.app.search.DossierSearchResult.Applicant;
import vn.motcua.app.search.DossierSearchResult.Facets;
import vn.motcua.app.search.DossierSearchResult.Item;
import vn.motcua.app.search.DossierSearchResult.ProcedureCount;
import vn.motcua.app.search.DossierSearchResult.StatusCount;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.engine.EngineClock;

/**
 * The clerk search: one Elasticsearch request gives the page, the exact total and both facets. The agencies a
 * clerk may see are a filter the caller passes from the server's own records, never from the request.
 */
@Service
public class DossierSearch {

    private static final Pattern IDENTITY_NUMBER = Pattern.compile("\\d{9}|\\d{12}");
    private static final Pattern PHONE = Pattern.compile("0\\d{8,10}");
    private static final int MAX_PROCEDURES = 200;

    private final ElasticsearchClient es;
    private final DossierIndex index;
    private final ProcedureNames procedureNames;

    DossierSearch(ElasticsearchClient es, DossierIndex index, ProcedureNames procedureNames) {
        this.es = es;
        this.index = index;
        this.procedureNames = procedureNames;
    }

    /**
     * @param visibleAgencies the clerk's agencies: only dossiers received or handled by one of them are found
     * @param now             the moment lateness is judged at
     */
    DossierSearchResult search(DossierQuery query, Collection<String> visibleAgencies, Instant now) {
        if (visibleAgencies.isEmpty()) {
            throw new IllegalArgumentException("A search needs at least one visible agency");
        }
        SearchRequest request = request(query, visibleAgencies, now);
        SearchResponse<DossierDocument> response = DossierIndex.call(() -> es.search(request, DossierDocument.class));
        List<Item> items = response.hits().hits().stream()
                .map(Hit::source)
                .map(d -> item(d, now))
                .toList();
        long total = response.hits().total() == null
                ? items.size()
                : response.hits().total().value();
        return new DossierSearchResult(total, items, facets(response));
    }

    SearchRequest request(DossierQuery query, Collection<String> visibleAgencies, Instant now) {
        List<Query> filters = new ArrayList<>();
        filters.add(terms("agencies", visibleAgencies));
        if (!query.agencies().isEmpty()) {
            filters.add(terms("agencies", query.agencies()));
        }
        if (query.late() != null) {
            Query late = late(now);
            filters.add(query.late() ? late : Query.of(q -> q.bool(b -> b.mustNot(late))));
        }
        if (query.from() != null || query.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("submittedAt");
                if (query.from() != null) {
                    d.gte(DossierRows.iso(query.from()));
                }
                if (query.to() != null) {
                    d.lt(DossierRows.iso(query.to()));
                }
                return d;
            }))));
        }
        if (query.address() != null && !query.address().isBlank()) {
            filters.add(Query.of(q -> q.match(m -> m.field("applicantAddressFolded")
                    .query(SearchText.fold(query.address()))
                    .operator(Operator.And))));
        }
        Query statusFilter = query.statuses().isEmpty()
                ? null
                : Query.of(q -> q.terms(t -> t.field("status")
                        .terms(v -> v.value(query.statuses().stream()
                                .map(s -> FieldValue.of(s.longValue()))
                                .toList()))));
        Query procedureFilter = query.procedures().isEmpty() ? null : terms("procedureKey", query.procedures());

        Query main = Query.of(q -> q.bool(b -> {
            b.filter(filters);
            if (query.hasText()) {
                b.must(text(query.text().trim()));
            }
            return b;
        }));
        List<Query> facetFilters = new ArrayList<>();
        if (statusFilter != null) {
            facetFilters.add(statusFilter);
        }
        if (procedureFilter != null) {
            facetFilters.add(procedureFilter);
        }
        Query matchAll = Query.of(q -> q.matchAll(m -> m));
        return SearchRequest.of(s -> {
            s.index(index.alias())
                    .query(main)
                    .from(query.page() * query.size())
                    .size(query.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .sort(sort(query.sort()))
                    .aggregations(
                            "status",
                            a -> a.filter(procedureFilter == null ? matchAll : procedureFilter)
                                    .aggregations(
                                            "values",
                                            v -> v.terms(t -> t.field("status").size(PublicStatus.values().length))))
                    .aggregations(
                            "procedure",
                            a -> a.filter(statusFilter == null ? matchAll : statusFilter)
                                    .aggregations(
                                            "values",
                                            v -> v.terms(
                                                    t -> t.field("procedureKey").size(MAX_PROCEDURES))));
            if (!facetFilters.isEmpty()) {
                s.postFilter(p -> p.bool(b -> b.filter(facetFilters)));
            }
            return s;
        });
    }

    /**
     * Any of: the code (whole, its beginning, or its parts such as "251128-0001"), the identity number or phone
     * (exact), the applicant's name folded (each word, the last one also as the beginning of a word, so a name can
     * be found while it is typed; the words in order rank higher) and, when typed with diacritics, the name as
     * written (ranks "Đoàn" above "Doãn" for "Đoàn").
     */
    static Query text(String text) {
        String folded = SearchText.fold(text);
        // Codes are upper case (000.00.99.H99-…): a case-insensitive term query would scan the terms instead.
        String code = text.toUpperCase(java.util.Locale.ROOT);
        List<Query> should = new ArrayList<>();
        should.add(Query.of(q -> q.term(t -> t.field("code").value(code).boost(20f))));
        if (!text.contains(" ")) {
            should.add(Query.of(q -> q.prefix(p -> p.field("code").value(code).boost(10f))));
        }
        should.add(Query.of(q -> q.match(
                m -> m.field("code.text").query(text).operator(Operator.And).boost(5f))));
        String identity = SearchText.identityNumber(text);
        if (identity != null && IDENTITY_NUMBER.matcher(identity).matches()) {
            should.add(Query.of(
                    q -> q.term(t -> t.field("identityNumber").value(identity).boost(20f))));
        }
        String phone = SearchText.phone(text);
        if (phone != null && PHONE.matcher(phone).matches()) {
            should.add(Query.of(q -> q.term(t -> t.field("phone").value(phone).boost(20f))));
        }
        should.add(Query.of(q ->
                q.matchPhrase(m -> m.field("applicantNameFolded").query(folded).boost(4f))));
        if (!folded.equals(text.toLowerCase(java.util.Locale.ROOT))) {
            should.add(Query.of(q -> q.match(m ->
                    m.field("applicantName").query(text).operator(Operator.And).boost(3f))));
        }
        should.add(Query.of(q -> q.matchBoolPrefix(
                m -> m.field("applicantNameFolded").query(folded).operator(Operator.And))));
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    /** Finished after its due moment, or not finished and past it. */
    static Query late(Instant now) {
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.term(t -> t.field("finishedLate").value(true)))
                .should(s -> s.bool(open -> open.filter(f ->
                                f.range(r -> r.date(d -> d.field("dueAt").lt(DossierRows.iso(now)))))
                        .mustNot(m -> m.exists(e -> e.field("finishedAt")))))));
    }

    static boolean isLate(DossierDocument d, Instant now) {
        if (Boolean.TRUE.equals(d.finishedLate())) {
            return true;
        }
        return d.finishedAt() == null
                && d.dueAt() != null
                && Instant.parse(d.dueAt()).isBefore(now);
    }

    private static List<SortOptions> sort(DossierQuery.Sort sort) {
        List<SortOptions> options = new ArrayList<>();
        SortOrder order = sort.descending() ? SortOrder.Desc : SortOrder.Asc;
        if (sort.field().equals("relevance")) {
            options.add(SortOptions.of(o -> o.score(s -> s.order(SortOrder.Desc))));
            options.add(SortOptions.of(o -> o.field(f -> f.field("submittedAt").order(SortOrder.Desc))));
        } else if (!sort.field().equals("code")) {
            options.add(SortOptions.of(
                    o -> o.field(f -> f.field(sort.field()).order(order).missing("_last"))));
        }
        // The code is unique: equal keys keep one order from page to page.
        options.add(SortOptions.of(o ->
                o.field(f -> f.field("code").order(sort.field().equals("code") ? order : SortOrder.Asc))));
        return options;
    }

    private static Query terms(String field, Collection<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field)
                .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    private Item item(DossierDocument d, Instant now) {
        PublicStatus status = PublicStatus.ofCode(d.status());
        return new Item(
                d.code(),
                d.procedureKey(),
                d.procedureName(),
                d.status(),
                status.nameVi(),
                d.step(),
                new Applicant(d.applicantName(), d.identityNumber(), d.phone(), d.applicantAddress()),
                d.receivingAgency(),
                d.competentAgency(),
                d.channel(),
                local(d.submittedAt()),
                local(d.receivedAt()),
                local(d.dueAt()),
                local(d.finishedAt()),
                local(d.returnedAt()),
                isLate(d, now),
                d.assignees(),
                d.feeState());
    }

    private Facets facets(SearchResponse<DossierDocument> response) {
        Aggregate status =
                response.aggregations().get("status").filter().aggregations().get("values");
        Aggregate procedure =
                response.aggregations().get("procedure").filter().aggregations().get("values");
        List<StatusCount> statuses = status.lterms().buckets().array().stream()
                .map(b -> new StatusCount(
                        (int) b.key(), PublicStatus.ofCode((int) b.key()).nameVi(), b.docCount()))
                .toList();
        List<ProcedureCount> procedures = procedure.sterms().buckets().array().stream()
                .map(b -> new ProcedureCount(
                        b.key().stringValue(), procedureNames.of(b.key().stringValue()), b.docCount()))
                .toList();
        return new Facets(statuses, procedures);
    }

    private static OffsetDateTime local(String iso) {
        return iso == null
                ? null
                : Instant.parse(iso).atZone(EngineClock.VIETNAM).toOffsetDateTime();
    }
}
