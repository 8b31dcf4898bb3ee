package vn.motcua.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.app.search.SearchTestApplication.AGENCY;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.motcua.app.embedded.EmbeddedElasticsearchControl;
import vn.motcua.app.search.SearchTestApplication.Fixture;
import vn.motcua.dossier.DossierChanges;

/**
 * The promises of the outbox and the reindex, on a real PostgreSQL and a real Elasticsearch: nothing committed is
 * missing from the index once the outbox drains, whether the index is rebuilt while dossiers change and clerks
 * search, or Elasticsearch is stopped and started again while dossiers keep being submitted. "Missing" is checked
 * strictly: every dossier of the database is in the index with exactly the version of its latest committed state.
 * The tests share the application and its seeded dossiers, in any order: each asserts on what it added itself or
 * on the whole database, and an outage is over before its test ends.
 */
class SearchIndexResilienceIT {

    private static final int SEEDED = 3000;
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Đức", "Thu", "Quang", "Ngọc", "Hữu"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Đoàn", "Hà", "Hùng", "Lan", "Mai", "Tuyết"};

    private static SearchTestApplication app;
    /** Set once a test has stopped the application's Elasticsearch: the restarted server is its. */
    private static EmbeddedElasticsearchControl elasticsearch;

    @BeforeAll
    static void start() throws Exception {
        app = SearchTestApplication.start("--motcua.search.reindex-chunk-size=100");
        for (int batch = 0; batch < SEEDED / 500; batch++) {
            int first = batch * 500;
            app.transaction.executeWithoutResult(status -> {
                for (int i = first; i < first + 500; i++) {
                    insertFixture(i);
                }
            });
        }
        app.awaitIndexed(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.context.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aReindexUnderLoadLosesNoChangeAndSearchesGoOnThroughout() throws Exception {
        assertASecondRunIsRefusedWhileOneHoldsTheLock();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong changes = new AtomicLong();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong lowestTotal = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger searches = new AtomicInteger();

        Thread load = new Thread(
                () -> {
                    int next = SEEDED;
                    while (running.get()) {
                        try {
                            if (ThreadLocalRandom.current().nextInt(10) == 0) {
                                int n = next++;
                                app.transaction.executeWithoutResult(status -> insertFixture(n));
                            } else {
                                String code = code(ThreadLocalRandom.current().nextInt(SEEDED));
                                app.transaction.executeWithoutResult(status -> {
                                    app.jdbc.update(
                                            "update dossier set internal_step = ?, public_status = ? where code = ?",
                                            "step-" + changes.get(),
                                            2 + ThreadLocalRandom.current().nextInt(3),
                                            code);
                                    app.bean(DossierChanges.class).changed(code);
                                });
                            }
                            changes.incrementAndGet();
                            Thread.sleep(3); // paces the load, so the reindex shares the machine with it
                        } catch (Exception e) {
                            problems.add("change: " + e);
                        }
                    }
                },
                "test-load");
        Thread searcher = new Thread(
                () -> {
                    while (running.get()) {
                        ResponseEntity<JsonNode> r = app.get(
                                        "tiepnhan01",
                                        "/api/dossiers?q={q}&size=20",
                                        GIVEN[searches.incrementAndGet() % GIVEN.length])
                                .toEntity(JsonNode.class);
                        if (r.getStatusCode().value() != 200) {
                            problems.add("search: " + r.getStatusCode() + " " + r.getBody());
                        }
                        ResponseEntity<JsonNode> all =
                                app.get("tiepnhan01", "/api/dossiers?size=20").toEntity(JsonNode.class);
                        if (all.getStatusCode().value() == 200) {
                            lowestTotal.accumulateAndGet(
                                    all.getBody().path("total").asLong(), Math::min);
                        } else {
                            problems.add("search: " + all.getStatusCode() + " " + all.getBody());
                        }
                    }
                },
                "test-searcher");
        load.start();
        searcher.start();
        try {
            await("changes and searches under way")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> changes.get() >= 20 && searches.get() >= 1);
            long changesBefore = changes.get();
            int searchesBefore = searches.get();
            ResponseEntity<JsonNode> started = app.http
                    .post()
                    .uri("/api/admin/search/reindex")
                    .headers(h -> SearchTestApplication.basic(h, "quantri01"))
                    .retrieve()
                    .toEntity(JsonNode.class);
            assertThat(started.getStatusCode().value()).isEqualTo(202);
            long id = started.getBody().path("id").asLong();
            ReindexRun run = app.bean(SearchReindex.class).await(id, Duration.ofMinutes(3));
            long changesDuring = changes.get() - changesBefore;
            int searchesDuring = searches.get() - searchesBefore;
            long changesAtEnd = changes.get();
            int searchesAtEnd = searches.get();
            await("changes and a search after the alias switched")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> changes.get() >= changesAtEnd + 20 && searches.get() > searchesAtEnd);
            running.set(false);
            load.join();
            searcher.join();

            assertThat(run.state()).as("%s", run).isEqualTo(ReindexRun.State.DONE);
            assertThat(run.indexed()).isGreaterThanOrEqualTo(SEEDED);
            // That the scenario happened, not how fast: changes and searches overlapped the rebuild.
            assertThat(changesDuring)
                    .as("dossiers changed while the index was rebuilt")
                    .isPositive();
            assertThat(searchesDuring)
                    .as("searches answered while the index was rebuilt")
                    .isPositive();
            assertThat(problems).isEmpty();
            assertThat(lowestTotal.get()).as("no search saw a partial index").isGreaterThanOrEqualTo(SEEDED);
            DossierIndex index = app.bean(DossierIndex.class);
            assertThat(index.indicesOf(index.alias())).containsExactly(run.index());
            assertThat(index.aliasExists(index.nextAlias())).isFalse();
        } finally {
            running.set(false);
        }
        app.awaitIndexed(Duration.ofSeconds(60));
        assertTheIndexHoldsExactlyTheDatabase();
    }

    @Test
    void elasticsearchStoppedAndStartedAgainWhileDossiersKeepComingLosesNothing() throws Exception {
        if (elasticsearch == null) {
            elasticsearch = EmbeddedElasticsearchControl.of(app.context, app.dataDir);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> submitted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Thread citizens = new Thread(
                () -> {
                    for (int n = 0; running.get(); n++) {
                        try {
                            submitted.add(app.submit(
                                    AGENCY, "Lý Thị Mất Điện " + n, "0010900%05d".formatted(n), "09%08d".formatted(n)));
                            Thread.sleep(150); // paces the citizens: a steady trickle, not a flood
                        } catch (Exception | AssertionError e) {
                            problems.add(e.toString());
                        }
                    }
                },
                "test-citizens");
        try {
            citizens.start();
            await("submissions before the outage")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> submitted.size() >= 5);
            elasticsearch.stop();
            int beforeOutage = submitted.size();

            ResponseEntity<JsonNode> unavailable =
                    app.get("tiepnhan01", "/api/dossiers").toEntity(JsonNode.class);
            assertThat(unavailable.getStatusCode().value()).isEqualTo(503);
            assertThat(unavailable.getBody().path("type").asText()).endsWith("/search-unavailable");
            SearchTestApplication.await(
                    Duration.ofSeconds(30),
                    "submissions during the outage",
                    () -> submitted.size() >= beforeOutage + 10);
            assertThat(app.pendingIndexMessages())
                    .as("changes wait in the outbox")
                    .isGreaterThan(0);

            elasticsearch.start();
            int afterOutage = submitted.size();
            await("submissions after the outage")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> submitted.size() >= afterOutage + 5);
            running.set(false);
            citizens.join();

            assertThat(problems).as("submissions never depend on Elasticsearch").isEmpty();
            app.awaitIndexed(Duration.ofSeconds(90));
            assertTheIndexHoldsExactlyTheDatabase();
            String duringOutage =
                    submitted.stream().skip(beforeOutage + 2).findFirst().orElseThrow();
            assertThat(SearchTestApplication.codes(app.search("tiepnhan01", "q=" + duringOutage)))
                    .containsExactly(duringOutage);
            assertThat(app.search("tiepnhan01", "q=mat%20dien").path("total").asLong())
                    .isEqualTo(submitted.size());
        } finally {
            running.set(false);
            citizens.join();
            if (!elasticsearch.isRunning()) {
                elasticsearch.start(); // the outage ends with the test, whatever failed
            }
        }
    }

    private static void assertASecondRunIsRefusedWhileOneHoldsTheLock() throws Exception {
        try (Connection connection = app.bean(DataSource.class).getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select pg_try_advisory_lock(" + SearchReindex.RUN_LOCK + ")")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
            ResponseEntity<JsonNode> refused = app.http
                    .post()
                    .uri("/api/admin/search/reindex")
                    .headers(h -> SearchTestApplication.basic(h, "quantri01"))
                    .retrieve()
                    .toEntity(JsonNode.class);
            assertThat(refused.getStatusCode().value()).isEqualTo(409);
            assertThat(refused.getBody().path("type").asText()).endsWith("/reindex-running");
            statement.execute("select pg_advisory_unlock(" + SearchReindex.RUN_LOCK + ")");
        }
    }

    /** Every dossier of the database is in the index, with the version of its latest state, and nothing else is. */
    private static void assertTheIndexHoldsExactlyTheDatabase() throws Exception {
        Map<String, Long> database = new HashMap<>();
        app.jdbc.query("select code, index_version from dossier", rs -> {
            database.put(rs.getString(1), rs.getLong(2));
        });
        ElasticsearchClient es = app.bean(ElasticsearchClient.class);
        es.indices().refresh(r -> r.index("dossiers"));
        Map<String, Long> indexed = new HashMap<>();
        var response = es.search(
                s -> s.index("dossiers").size(10_000).version(true).source(src -> src.filter(f -> f.includes("code"))),
                DossierDocument.class);
        response.hits().hits().forEach(h -> indexed.put(h.id(), h.version()));
        assertThat(database).hasSizeGreaterThanOrEqualTo(SEEDED);
        assertThat(indexed).containsExactlyInAnyOrderEntriesOf(database);
    }

    private static void insertFixture(int n) {
        Instant submitted = Instant.parse("2025-06-01T02:00:00Z").plusSeconds(n * 60L);
        String name = FAMILY[n % FAMILY.length] + " " + MIDDLE[(n / 10) % MIDDLE.length] + " "
                + GIVEN[(n / 80) % GIVEN.length];
        app.insert(new Fixture(
                code(n),
                "dang-ky-khai-sinh",
                AGENCY,
                name,
                "0790%08d".formatted(n),
                null,
                "Xóm " + (n % 20) + ", xã Một Cửa",
                2,
                submitted,
                null,
                null));
    }

    private static String code(int n) {
        return AGENCY + "-250601-" + "%04d".formatted(n);
    }
}
