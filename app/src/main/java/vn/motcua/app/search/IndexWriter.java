package vn.motcua.app.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes documents in one bulk request, each with its dossier's index version as external version, through
 * aliases only ({@code require_alias}: a missing alias is an error, never a new index with a guessed mapping).
 *
 * <p>An item refused because the index holds the same or a newer version (409) counts as written: that state or a
 * later one is there. An item for the next alias that finds no such alias (404) counts as written too: a reindex
 * switched the alias over between the indexer's look-up and its write, and the same request's item for the main
 * alias, placed after it and resolved by the cluster against the same state, then lands in the new index.
 */
@Component
class IndexWriter {

    private final ElasticsearchClient es;

    IndexWriter(ElasticsearchClient es) {
        this.es = es;
    }

    /**
     * @param targets aliases, written in this order for each document
     * @return the failures, by dossier code (empty when every document is where it should be)
     */
    Map<String, String> write(
            List<DossierDocument> documents, List<String> targets, String optionalTarget, Refresh refresh) {
        if (documents.isEmpty()) {
            return Map.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(refresh).requireAlias(true);
        List<String> itemTargets = new ArrayList<>();
        List<String> itemCodes = new ArrayList<>();
        for (DossierDocument d : documents) {
            for (String target : targets) {
                bulk.operations(op -> op.index(i -> i.index(target)
                        .id(d.code())
                        .document(d)
                        .version(d.version())
                        .versionType(VersionType.External)));
                itemTargets.add(target);
                itemCodes.add(d.code());
            }
        }
        BulkResponse response = DossierIndex.call(() -> es.bulk(bulk.build()));
        Map<String, String> failures = new LinkedHashMap<>();
        if (!response.errors()) {
            return failures;
        }
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null
                    || item.status() == 409
                    || (item.status() == 404 && itemTargets.get(i).equals(optionalTarget))) {
                continue;
            }
            failures.putIfAbsent(
                    itemCodes.get(i),
                    itemTargets.get(i) + ": " + item.status() + " "
                            + item.error().type() + " " + item.error().reason());
        }
        return failures;
    }
}
