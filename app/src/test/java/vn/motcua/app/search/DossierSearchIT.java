package vn.motcua.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.app.search.SearchTestApplication.AGENCY;
import static vn.motcua.app.search.SearchTestApplication.CLERK_WITHOUT_AGENCY;
import static vn.motcua.app.search.SearchTestApplication.OTHER_AGENCY;
import static vn.motcua.app.search.SearchTestApplication.OTHER_CLERK;
import static vn.motcua.app.search.SearchTestApplication.PASSWORD;
import static vn.motcua.app.search.SearchTestApplication.codes;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.app.search.SearchTestApplication.Fixture;

/**
 * The clerk search on a real Elasticsearch, fed through the outbox by the real indexer: names with and without
 * diacritics, parts of names and codes, exact identity numbers and phones, filters and facets, one agency's clerks
 * never seeing another's dossiers, parameter errors, and process changes (a claim, a completed task) reaching the
 * index. The tests share the fixtures made once and change none of them, so they run in any order: a test that changes
 * a dossier or a membership makes its own.
 */
class DossierSearchIT {

    private static final String CLERK = "tiepnhan01";
    private static final String ADMIN = "quantri01";
    private static SearchTestApplication app;
    private static String doan;
    private static String doan2;
    private static String tuyet;
    private static String otherDoan;

    @BeforeAll
    static void start() throws Exception {
        app = SearchTestApplication.start();
        doan = app.submit(AGENCY, "Nguyễn Văn Đoàn", "001090012345", "0912345678");
        doan2 = app.submit(AGENCY, "Nguyễn Văn Doãn", "001090099999", "0987654321");
        tuyet = app.submit(AGENCY, "Trần Thị Ánh Tuyết", "079185001234", "+84903123456");
        otherDoan = app.submit(OTHER_AGENCY, "Nguyễn Văn Đoàn", "001090055555", "0911111111");
        Instant now = Instant.now();
        app.insert(fixture(
                "250315-0001",
                "dang-ky-khai-sinh",
                AGENCY,
                "Phạm Minh Châu",
                4,
                "2025-03-15",
                now.minus(2, ChronoUnit.DAYS),
                null));
        app.insert(fixture(
                "250316-0001",
                "dang-ky-khai-sinh",
                AGENCY,
                "Hoàng Thị Lan",
                4,
                "2025-03-16",
                now.plus(5, ChronoUnit.DAYS),
                null));
        app.insert(fixture(
                "250317-0001",
                "cap-phieu-ly-lich-tu-phap",
                AGENCY,
                "Vũ Đức Thắng",
                10,
                "2025-03-17",
                day("2025-03-20"),
                day("2025-03-21")));
        app.insert(fixture(
                "250318-0001",
                "cap-phieu-ly-lich-tu-phap",
                AGENCY,
                "Đặng Thu Hà",
                10,
                "2025-03-18",
                day("2025-03-25"),
                day("2025-03-20")));
        app.insert(fixture("250401-0001", "dang-ky-khai-sinh", AGENCY, "Bùi Quang Huy", 5, "2025-04-01", null, null));
        app.insert(fixture(
                "250315-0001",
                "dang-ky-khai-sinh",
                OTHER_AGENCY,
                "Ngô Thị Mai",
                4,
                "2025-03-15",
                now.minus(3, ChronoUnit.DAYS),
                null));
        app.awaitIndexed(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aNameTypedWithoutDiacriticsFindsTheNameWrittenWithThem() {
        JsonNode result = search("q", "nguyen van doan");

        assertThat(codes(result)).containsExactlyInAnyOrder(doan, doan2);
        JsonNode item = result.path("items").get(0);
        assertThat(item.path("applicant").path("name").asText()).isIn("Nguyễn Văn Đoàn", "Nguyễn Văn Doãn");
        assertThat(item.path("procedureKey").asText()).isEqualTo("chung-thuc-ban-sao");
        assertThat(item.path("procedureName").asText()).startsWith("Chứng thực bản sao");
        assertThat(item.path("status").asInt()).isEqualTo(1);
        assertThat(item.path("statusName").asText()).isEqualTo("Mới đăng ký");
        assertThat(item.path("submittedAt").asText()).endsWith("+07:00");
    }

    @Test
    void aNameTypedWithDiacriticsRanksTheExactSpellingFirst() {
        assertThat(codes(search("q", "Nguyễn Văn Đoàn"))).first().isEqualTo(doan);
        assertThat(codes(search("q", "NGUYỄN VĂN ĐOÀN"))).first().isEqualTo(doan);
        assertThat(codes(search("q", "Doãn"))).first().isEqualTo(doan2);
    }

    @Test
    void partOfANameFindsItInAnyOrderAndWhileBeingTyped() {
        assertThat(codes(search("q", "doan"))).containsExactlyInAnyOrder(doan, doan2);
        assertThat(codes(search("q", "van do"))).containsExactlyInAnyOrder(doan, doan2);
        assertThat(codes(search("q", "tuyet"))).containsExactly(tuyet);
        assertThat(codes(search("q", "thi tuy"))).containsExactly(tuyet);
        assertThat(codes(search("q", "tuyết trần"))).containsExactly(tuyet);
        assertThat(search("q", "nguyen van doann").path("total").asLong()).isZero();
    }

    @Test
    void aCodeIsFoundWholeInAnyCaseOrByItsDayAndNumberOrItsBeginning() {
        assertThat(codes(search("q", doan))).containsExactly(doan);
        assertThat(codes(search("q", doan.toLowerCase()))).containsExactly(doan);
        String dayAndNumber = doan.substring(AGENCY.length() + 1); // e.g. 261128-0001
        assertThat(codes(search("q", dayAndNumber))).containsExactly(doan);
        assertThat(codes(search("q", AGENCY + "-2503")))
                .containsExactlyInAnyOrder(
                        code(AGENCY, "250315-0001"),
                        code(AGENCY, "250316-0001"),
                        code(AGENCY, "250317-0001"),
                        code(AGENCY, "250318-0001"));
    }

    @Test
    void identityNumbersAndPhonesMatchExactlyOnly() {
        assertThat(codes(search("q", "001090012345"))).containsExactly(doan);
        assertThat(search("q", "0010900123").path("total").asLong()).isZero();
        assertThat(codes(search("q", "0912345678"))).containsExactly(doan);
        assertThat(codes(search("q", "+84 912 345 678"))).containsExactly(doan);
        assertThat(codes(search("q", "0903123456")))
                .as("submitted as +84903123456")
                .containsExactly(tuyet);
        assertThat(search("q", "091234").path("total").asLong()).isZero();
    }

    @Test
    void filtersByStatusProcedureLatenessAndSubmissionDays() {
        assertThat(codes(search("status", "4"))).containsExactlyInAnyOrder(fx("250315-0001"), fx("250316-0001"));
        assertThat(codes(search("status", "10,5")))
                .containsExactlyInAnyOrder(fx("250317-0001"), fx("250318-0001"), fx("250401-0001"));
        assertThat(codes(search("procedure", "dang-ky-khai-sinh")))
                .containsExactlyInAnyOrder(fx("250315-0001"), fx("250316-0001"), fx("250401-0001"));
        assertThat(codes(search("late", "true")))
                .as("open and past due; finished after due")
                .containsExactlyInAnyOrder(fx("250315-0001"), fx("250317-0001"));
        assertThat(codes(search("late", "false")))
                .containsExactlyInAnyOrder(doan, doan2, tuyet, fx("250316-0001"), fx("250318-0001"), fx("250401-0001"));
        assertThat(codes(search("from", "2025-03-16", "to", "2025-03-17")))
                .as("whole days, Vietnam time")
                .containsExactlyInAnyOrder(fx("250316-0001"), fx("250317-0001"));
        assertThat(codes(search("procedure", "cap-phieu-ly-lich-tu-phap", "late", "true")))
                .containsExactly(fx("250317-0001"));
        assertThat(codes(search("q", "thang", "status", "4"))).isEmpty();
        JsonNode late = search("late", "true", "q", "chau").path("items").get(0);
        assertThat(late.path("late").asBoolean()).isTrue();
        assertThat(late.path("dueAt").asText()).isNotEmpty();
    }

    @Test
    void facetsCountByStatusAndProcedureEachIgnoringItsOwnFilter() {
        JsonNode result = search("status", "4");

        assertThat(result.path("total").asLong()).isEqualTo(2);
        assertThat(counts(result.path("facets").path("status"), "status"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("1", 3L, "4", 2L, "5", 1L, "10", 2L));
        assertThat(counts(result.path("facets").path("procedure"), "procedure"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("dang-ky-khai-sinh", 2L));
        JsonNode status4 = result.path("facets").path("status").findParents("status").stream()
                .filter(n -> n.path("status").asInt() == 4)
                .findFirst()
                .orElseThrow();
        assertThat(status4.path("name").asText()).isEqualTo("Đang xử lý");

        JsonNode all = search();
        assertThat(all.path("total").asLong()).isEqualTo(8);
        assertThat(counts(all.path("facets").path("procedure"), "procedure"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("chung-thuc-ban-sao", 3L, "dang-ky-khai-sinh", 3L, "cap-phieu-ly-lich-tu-phap", 2L));
    }

    @Test
    void resultsArePagedAndSorted() {
        JsonNode first = search("size", "3", "sort", "code");
        JsonNode second = search("size", "3", "page", "1", "sort", "code");
        assertThat(first.path("total").asLong()).isEqualTo(8);
        assertThat(codes(first)).hasSize(3).isSorted();
        assertThat(codes(second)).hasSize(3).isSorted().doesNotContainAnyElementsOf(codes(first));
        assertThat(codes(search("sort", "-submittedAt")).get(0)).isIn(doan, doan2, tuyet);
        assertThat(codes(search("sort", "dueAt", "status", "4,10")))
                .containsExactly(fx("250317-0001"), fx("250318-0001"), fx("250315-0001"), fx("250316-0001"));
    }

    @Test
    void aClerkOnlyEverSeesTheirOwnAgencysDossiers() {
        assertThat(codes(app.search(OTHER_CLERK, "q=nguyen%20van%20doan"))).containsExactly(otherDoan);
        assertThat(app.search(OTHER_CLERK, "").path("total").asLong()).isEqualTo(2);
        assertThat(codes(app.search(OTHER_CLERK, "q=" + doan))).isEmpty();
        assertThat(codes(app.search(OTHER_CLERK, "late=true"))).containsExactly(code(OTHER_AGENCY, "250315-0001"));
        assertThat(codes(search("q", "nguyen van doan"))).doesNotContain(otherDoan);

        ResponseEntity<JsonNode> foreign =
                app.get(OTHER_CLERK, "/api/dossiers?agency={a}", AGENCY).toEntity(JsonNode.class);
        assertThat(foreign.getStatusCode().value()).isEqualTo(403);
        assertThat(foreign.getBody().path("type").asText()).endsWith("/agency-forbidden");
        assertThat(app.search(OTHER_CLERK, "agency=" + OTHER_AGENCY)
                        .path("total")
                        .asLong())
                .isEqualTo(2);

        ResponseEntity<JsonNode> none =
                app.get(CLERK_WITHOUT_AGENCY, "/api/dossiers").toEntity(JsonNode.class);
        assertThat(none.getStatusCode().value()).isEqualTo(403);
        assertThat(none.getBody().path("type").asText()).endsWith("/agency-forbidden");
    }

    @Test
    void theSearchIsForSignedInStaffOnly() {
        assertThat(app.get(null, "/api/dossiers")
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(app.get("congdan01", "/api/dossiers")
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .as("a user in no staff group")
                .isEqualTo(403);
        for (String staff : new String[] {"chuyenvien01", "lanhdao01", ADMIN}) {
            assertThat(app.get(staff, "/api/dossiers")
                            .toBodilessEntity()
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
        }
    }

    @Test
    void parametersThatCannotBeUnderstoodAre400WithTheirName() {
        Map<String, String> bad = Map.of(
                "status=11",
                "status",
                "status=abc",
                "status",
                "late=maybe",
                "late",
                "from=2025-13-40",
                "from",
                "sort=name",
                "sort",
                "size=0",
                "size",
                "size=101",
                "size",
                "page=-1",
                "page",
                "page=600&size=20",
                "page",
                "from=2025-03-17&to=2025-03-16",
                "to");
        bad.forEach((query, parameter) -> {
            ResponseEntity<JsonNode> response =
                    app.get(CLERK, "/api/dossiers?" + query).toEntity(JsonNode.class);
            assertThat(response.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().path("type").asText()).as(query).endsWith("/invalid-parameter");
            assertThat(response.getBody().path("parameter").asText()).as(query).isEqualTo(parameter);
        });
    }

    @Test
    void aClaimAndACompletedTaskReachTheIndex() {
        String own = app.submit(AGENCY, "Lê Văn Nhận", "001090077777", "0977777777");
        SearchTestApplication.await(
                Duration.ofSeconds(30),
                "the new dossier in the index",
                () -> codes(search("q", own)).contains(own));
        String taskId = app.get(
                        CLERK, "/engine-rest/task?processInstanceBusinessKey={code}&firstResult=0&maxResults=10", own)
                .body(JsonNode.class)
                .get(0)
                .path("id")
                .asText();
        app.http
                .post()
                .uri("/engine-rest/task/{id}/claim", taskId)
                .headers(h -> SearchTestApplication.basic(h, CLERK))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", CLERK))
                .retrieve()
                .toBodilessEntity();

        SearchTestApplication.await(
                Duration.ofSeconds(30),
                "the claim in the index",
                () -> search("q", own)
                        .path("items")
                        .get(0)
                        .path("assignees")
                        .toString()
                        .contains(CLERK));

        app.http
                .post()
                .uri("/engine-rest/task/{id}/complete", taskId)
                .headers(h -> SearchTestApplication.basic(h, CLERK))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("receiptDecision", Map.of("value", "accept"))))
                .retrieve()
                .toBodilessEntity();

        SearchTestApplication.await(
                Duration.ofSeconds(30),
                "the new status in the index: received, waiting for its fee",
                () -> search("q", own).path("items").get(0).path("status").asInt() == 6);
        JsonNode item = search("q", own).path("items").get(0);
        assertThat(item.path("feeState").asText())
                .as("from the payment request")
                .isEqualTo("AWAITING_PAYMENT");
        assertThat(item.path("step").asText()).isNotEmpty();
        assertThat(item.has("assignees")).as("the next task is not claimed yet").isFalse();
    }

    @Test
    void anAdministratorRebuildsTheIndexWhileTheSameSearchesGoOn() {
        assertThat(app.http
                        .post()
                        .uri("/api/admin/search/reindex")
                        .headers(h -> SearchTestApplication.basic(h, CLERK))
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        DossierIndex index = app.bean(DossierIndex.class);
        var before = index.indicesOf("dossiers");

        ResponseEntity<JsonNode> started = app.http
                .post()
                .uri("/api/admin/search/reindex")
                .headers(h -> SearchTestApplication.basic(h, ADMIN))
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String location = started.getHeaders().getLocation().toString();
        SearchTestApplication.await(
                Duration.ofSeconds(60),
                "the reindex to end",
                () -> !app.get(ADMIN, location)
                        .body(JsonNode.class)
                        .path("state")
                        .asText()
                        .equals("RUNNING"));
        JsonNode run = app.get(ADMIN, location).body(JsonNode.class);
        assertThat(run.path("state").asText()).isEqualTo("DONE");
        // Every dossier in the database, whatever other tests added meanwhile.
        assertThat(run.path("indexed").asLong())
                .isEqualTo(app.jdbc.queryForObject("select count(*) from dossier", Long.class));
        assertThat(run.path("percent").asInt()).isEqualTo(100);
        assertThat(index.indicesOf("dossiers"))
                .containsExactly(run.path("index").asText())
                .doesNotContainAnyElementsOf(before);
        assertThat(index.aliasExists("dossiers-next")).isFalse();
        assertThat(search().path("total").asLong())
                .isEqualTo(app.jdbc.queryForObject(
                        "select count(*) from dossier where ? in (receiving_agency_code, competent_agency_code)",
                        Long.class,
                        AGENCY));
        assertThat(codes(search("q", "nguyen van doan"))).containsExactlyInAnyOrder(doan, doan2);
        assertThat(app.get(ADMIN, "/api/admin/search/reindex")
                        .body(JsonNode.class)
                        .get(0)
                        .path("id")
                        .asLong())
                .isEqualTo(run.path("id").asLong());
    }

    @Test
    void theIndexLagIsAMetric() {
        String metrics = app.get(ADMIN, "/actuator/prometheus").body(String.class);

        assertThat(metrics)
                .contains("motcua_search_index_lag_seconds_count")
                .contains("motcua_search_index_lag_seconds_bucket")
                .contains("motcua_outbox_lag_seconds{topic=\"dossier-index\"}");
    }

    @Test
    void anAdministratorSetsTheAgenciesOfAStaffMember() {
        String newcomer = "tiepnhan96";
        IdentityService identity = app.bean(IdentityService.class);
        User user = identity.newUser(newcomer);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        var put = app.http
                .put()
                .uri("/api/admin/staff/{user}", newcomer)
                .headers(h -> SearchTestApplication.basic(h, ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .body(memberships(OTHER_AGENCY))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(put.getStatusCode().value()).isEqualTo(200);
        assertThat(app.search(newcomer, "").path("total").asLong()).isEqualTo(2);

        var unknown = app.http
                .put()
                .uri("/api/admin/staff/{user}", newcomer)
                .headers(h -> SearchTestApplication.basic(h, ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .body(memberships("000.00.00.X00"))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(app.http
                        .put()
                        .uri("/api/admin/staff/{user}", newcomer)
                        .headers(h -> SearchTestApplication.basic(h, CLERK))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(memberships(AGENCY))
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    /** The body of {@code PUT /api/admin/staff/{user}}: a desk clerk of one agency. */
    private static String memberships(String agency) {
        return "{\"memberships\": [{\"agencyCode\": \"" + agency + "\", \"roles\": [\"DESK_CLERK\"]}]}";
    }

    private static JsonNode search(String... nameValuePairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            query.append(i == 0 ? "" : "&")
                    .append(nameValuePairs[i])
                    .append('=')
                    .append(URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
        }
        return app.search(CLERK, query.toString());
    }

    private static Map<String, Long> counts(JsonNode facet, String key) {
        Map<String, Long> counts = new java.util.HashMap<>();
        facet.forEach(n -> counts.put(n.path(key).asText(), n.path("count").asLong()));
        return counts;
    }

    private static Fixture fixture(
            String dayAndNumber,
            String procedure,
            String agency,
            String name,
            int status,
            String submittedDay,
            Instant dueAt,
            Instant finishedAt) {
        return new Fixture(
                code(agency, dayAndNumber),
                procedure,
                agency,
                name,
                null,
                null,
                "Thôn Đông, xã Một Cửa",
                status,
                OffsetDateTime.parse(submittedDay + "T10:00:00+07:00").toInstant(),
                dueAt,
                finishedAt);
    }

    private static Instant day(String day) {
        return OffsetDateTime.parse(day + "T16:00:00+07:00").toInstant();
    }

    private static String code(String agency, String dayAndNumber) {
        return agency + "-" + dayAndNumber;
    }

    private static String fx(String dayAndNumber) {
        return code(AGENCY, dayAndNumber);
    }
}
