package vn.motcua.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.motcua.app.embedded.StandaloneServers;
import vn.motcua.app.signature.TestPdfs;

/**
 * Faults under load, against the production jar in a JVM of its own on its own PostgreSQL and Elasticsearch
 * (docs/benchmarks.md, docs/reliability.md): citizens' client threads submit dossiers ({@code POST
 * /api/public/dossiers}, multipart with a PDF that opens) and look them up while
 *
 * <ol>
 *   <li>the application is killed ({@code kill -9}) and started again on the same data and servers;
 *   <li>PostgreSQL is stopped (fast shutdown), kept down, and started again on the same port, the application left
 *       running; then the same with an immediate shutdown (no checkpoint, recovery from the WAL, like a crash);
 *   <li>Elasticsearch is killed ({@code kill -9}) and started again on its port and data while a desk clerk also
 *       searches, the application left running.
 * </ol>
 *
 * After each, every acknowledged (201) dossier must be in the database with its code, the status it was
 * acknowledged with, its documents, a live process instance waiting at the receipt, and its search-index message in
 * the outbox; no code twice; no dossier without its process instance or process instance without its dossier; and
 * the search index catches up with the database. During a PostgreSQL outage every request is answered, 503 {@code
 * application/problem+json} with {@code Retry-After}, never 500 and never a hang; an administrator's calls to
 * Camunda's REST API meanwhile are answered 2xx or 503 in Camunda's error shape ({@code DatabaseUnavailable}) with
 * {@code Retry-After}, never 500, and an ordinary error of that API stays Camunda's. Writes
 * docs/benchmarks/faults.md; the figures go to docs/reliability.md. Smoke mode: {@code FaultBenchmarkSmokeIT}.
 */
class FaultBenchmark {

    static final String REPORT = "faults.md";

    private static final String BOUNDARY = "motcua-fault-boundary";
    /** The demo agency (switched on for the run). */
    private static final String AGENCY = "000.00.99.H99";

    private static final String PROCEDURE = "chung-thuc-ban-sao";
    /** Where an online submission of the procedure waits: the desk's receipt. */
    private static final String FIRST_STEP = "UserTask_ReceiveDossier";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(120);
    /** A request unanswered this long counts as a hang. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int threads = Integer.getInteger("benchmark.fault.threads", 4);
    private final Duration load = Duration.ofSeconds(Long.getLong("benchmark.fault.seconds", 60));
    private final Duration outage = Duration.ofSeconds(Long.getLong("benchmark.fault.outage-seconds", 5));
    private final String heap = System.getProperty("benchmark.app.heap", "512m");
    private final Path jar = Path.of(System.getProperty("benchmark.app.jar", "target/motcua-app.jar"))
            .toAbsolutePath();

    @Test
    void killsAndRestartsLoseNothing() throws Exception {
        String loadAtStart = Machine.loadAverage();
        String othersAtStart = Machine.otherWork();
        Path root = Reports.scratch("motcua-faults-");
        Path dataDir = root.resolve("data");
        int pgPort = freePort();
        StandaloneServers servers = StandaloneServers.start(dataDir, pgPort);
        PostgresControl postgres = new PostgresControl(
                dataDir.resolve("postgres"), pgPort, servers.password(), root.resolve("postgres-restarts.log"));
        String esUri = servers.applicationArguments().stream()
                .filter(a -> a.startsWith("--spring.elasticsearch.uris="))
                .map(a -> a.substring(a.indexOf('=') + 1))
                .findFirst()
                .orElseThrow();
        String dbUrl = "jdbc:postgresql://127.0.0.1:" + pgPort + "/motcua";
        Ledger ledger = new Ledger();
        KillRun kill;
        List<OutageRun> outages = new ArrayList<>();
        Integrity afterKill;
        Integrity afterOutages;
        Integrity afterSearchDeath;
        SearchDeathRun searchDeath;
        Duration firstStart;
        String engineRestError;
        int port = freePort();
        boolean passed = false;
        JarApplication app =
                new JarApplication(jar, heap, port, dataDir, servers.applicationArguments(), root.resolve("app.log"));
        try {
            firstStart = app.start(START_TIMEOUT);
            log("application up in " + seconds(firstStart) + " s on port " + port);

            // A. kill -9 under load, then a start on the same data.
            Load a = new Load(port, threads, ledger);
            a.start();
            Thread.sleep(load.toMillis());
            long killedAt = System.nanoTime();
            app.kill();
            a.stop();
            log("killed after " + ledger.size() + " acknowledged");
            int ackedBeforeKill = ledger.size();
            Duration restart = app.start(START_TIMEOUT);
            log("started again in " + seconds(restart) + " s");
            Duration catchUp = awaitCaughtUp(dbUrl, servers.password(), esUri);
            afterKill =
                    Integrity.check(dbUrl, servers.password(), esUri, ledger).withCatchUp(catchUp);
            kill = new KillRun(ackedBeforeKill, a.calls(), killedAt, restart, catchUp);
            log("after the kill: " + afterKill);

            // B. PostgreSQL stopped and started again, the application left running; an administrator also calls
            // Camunda's REST API. First one ordinary error of it, which must stay Camunda's.
            engineRestError = EngineRestCalls.once(port, "/engine-rest/task/no-such-task");
            log("engine REST, an unknown task: " + engineRestError);
            for (PostgresControl.Shutdown mode : PostgresControl.Shutdown.values()) {
                Load b = new Load(port, threads, ledger);
                EngineRestCalls engine = new EngineRestCalls(port);
                b.start();
                engine.start();
                Thread.sleep(load.toMillis() / 2);
                // A query Camunda's REST API has authenticated and is reading the body of when PostgreSQL stops:
                // it meets the outage inside Jersey, where EngineRestOutage answers (the calls above mostly meet it
                // in the authentication filter, before Jersey).
                HeldQuery held = HeldQuery.open(port);
                Thread.sleep(1000);
                EngineRestCalls.once(port, "/engine-rest/process-definition/count"); // the server is answering
                long stopAt = System.nanoTime();
                postgres.stop(mode, Duration.ofSeconds(60));
                long downAt = System.nanoTime();
                Call heldAnswer = held.finish(); // once the pool gives up: connection-timeout, 5 s
                long keptDown = outage.toNanos() - (System.nanoTime() - downAt);
                if (keptDown > 0) {
                    Thread.sleep(keptDown / 1_000_000);
                }
                postgres.start(Duration.ofSeconds(120));
                long backAt = System.nanoTime();
                long recoveredAt = b.awaitAcknowledgedAfter(backAt, RECOVERY_TIMEOUT);
                Thread.sleep(Math.max(2000, load.toMillis() / 4));
                b.stop();
                engine.stop();
                outages.add(new OutageRun(
                        mode, b.calls(), engine.calls(), heldAnswer, stopAt, downAt, backAt, recoveredAt));
                log(mode + ": PostgreSQL down " + seconds(Duration.ofNanos(backAt - downAt)) + " s, recovered "
                        + (recoveredAt < 0 ? "never" : seconds(Duration.ofNanos(recoveredAt - backAt)) + " s")
                        + " after it was back");
            }
            Duration caughtUp = awaitCaughtUp(dbUrl, servers.password(), esUri);
            afterOutages =
                    Integrity.check(dbUrl, servers.password(), esUri, ledger).withCatchUp(caughtUp);
            log("after the outages: " + afterOutages);
            // Which of the engine REST 503 answers Camunda's REST API gave itself (EngineRestOutage logs each one);
            // the others were given before it, when the authentication filter met the outage.
            long engineRestMapped;
            try (Stream<String> lines = Files.lines(root.resolve("app.log"))) {
                engineRestMapped = lines.filter(line -> line.contains("Engine REST request answered 503"))
                        .count();
            }

            // C. Elasticsearch killed and started again, the application left running.
            Load c = new Load(port, threads, ledger);
            Searches searches = new Searches(port, ledger);
            c.start();
            searches.start();
            Thread.sleep(load.toMillis() / 2);
            servers.killElasticsearch();
            long esKilledAt = System.nanoTime(); // gone: what is sent from now on finds no Elasticsearch
            Thread.sleep(outage.toMillis());
            long esRestartAt = System.nanoTime();
            servers.restartElasticsearch();
            long esBackAt = System.nanoTime();
            long searchBackAt = searches.awaitAnsweredAfter(esBackAt, RECOVERY_TIMEOUT);
            Thread.sleep(Math.max(2000, load.toMillis() / 4));
            c.stop();
            searches.stop();
            Duration esCatchUp = awaitCaughtUp(dbUrl, servers.password(), esUri);
            afterSearchDeath =
                    Integrity.check(dbUrl, servers.password(), esUri, ledger).withCatchUp(esCatchUp);
            searchDeath =
                    new SearchDeathRun(c.calls(), searches.calls(), esKilledAt, esRestartAt, esBackAt, searchBackAt);
            log("after Elasticsearch's death: " + afterSearchDeath);
            String markdown = report(
                    firstStart,
                    kill,
                    afterKill,
                    outages,
                    engineRestError,
                    engineRestMapped,
                    afterOutages,
                    searchDeath,
                    afterSearchDeath,
                    loadAtStart,
                    othersAtStart);
            Reports.write(Reports.file(REPORT), markdown);

            // The run's promises, checked after the report is written so that a failing run still shows its figures.
            assertThat(kill.acked).as("dossiers acknowledged before the kill").isPositive();
            for (Integrity integrity : List.of(afterKill, afterOutages, afterSearchDeath)) {
                assertThat(integrity.lost).as("acknowledged dossiers missing").isEmpty();
                assertThat(integrity.incomplete)
                        .as("acknowledged dossiers not as acknowledged")
                        .isEmpty();
                assertThat(integrity.duplicates()).as("codes twice").isZero();
                assertThat(integrity.halfWritten()).as("half-written dossiers").isZero();
                assertThat(integrity.outboxLost)
                        .as("dossiers without their index message")
                        .isZero();
                assertThat(integrity.indexed).as("dossiers in the index").isEqualTo(integrity.dossiers);
            }
            for (OutageRun run : outages) {
                assertThat(run.recoveredAt)
                        .as("a submission acknowledged after PostgreSQL came back (" + run.mode + ")")
                        .isPositive();
                Map<String, Integer> during = run.duringOutage();
                assertThat(during.keySet())
                        .as("answers during the outage (" + run.mode
                                + "): 2xx or 503 problem+json with Retry-After only")
                        .allMatch(k -> k.startsWith("2") || k.equals(OUTAGE_ANSWER));
                assertThat(during)
                        .as("requests during the outage (" + run.mode + ")")
                        .isNotEmpty();
                assertThat(run.failedAfterRecovery())
                        .as("failures after recovery (" + run.mode + ")")
                        .isZero();
                assertThat(run.engineDuringOutage())
                        .as("engine REST calls during the outage (" + run.mode + ")")
                        .isNotEmpty();
                assertThat(count(run.engineCalls, call -> true).keySet())
                        .as("engine REST answers in the phase (" + run.mode
                                + "): 2xx or 503 DatabaseUnavailable with Retry-After only, never 500")
                        .allMatch(k -> k.startsWith("2") || k.equals(ENGINE_OUTAGE_ANSWER));
            }
            for (OutageRun run : outages) {
                assertThat(run.held.outcome)
                        .as("a query authenticated before the stop (" + run.mode + ")")
                        .isEqualTo(ENGINE_OUTAGE_ANSWER);
            }
            assertThat(engineRestMapped)
                    .as("engine REST 503 answers given inside Camunda's REST API (EngineRestOutage's log lines)")
                    .isGreaterThanOrEqualTo(outages.size());
            assertThat(engineRestError)
                    .as("an ordinary engine REST error, as Camunda answers it")
                    .isEqualTo("404 application/json InvalidRequestException");
            assertThat(afterOutages.acknowledged).isGreaterThan(afterKill.acknowledged);
            assertThat(count(
                            searchDeath.submissions,
                            call -> call.kind.equals("submit")
                                    && call.end >= searchDeath.killedAt
                                    && call.start <= searchDeath.backAt))
                    .as("submissions while Elasticsearch was down: all acknowledged")
                    .isNotEmpty()
                    .containsOnlyKeys("2xx");
            assertThat(searchDeath.searchesWhileDown().keySet())
                    .as("searches while Elasticsearch was down: 503 problem+json")
                    .allMatch(k -> k.startsWith("503 problem+json"));
            assertThat(searchDeath.searchBackAt)
                    .as("a search answered after Elasticsearch came back")
                    .isPositive();

            passed = true;
        } finally {
            app.close();
            try {
                servers.close();
            } finally {
                postgres.stopStarted();
                if (passed) {
                    Reports.delete(root);
                } else {
                    log("the run failed: logs and data kept in " + root);
                }
            }
        }
    }

    static final String OUTAGE_ANSWER = "503 problem+json, Retry-After";
    /** Camunda's REST API in an outage: its error shape, {@code type} DatabaseUnavailable (EngineRestOutage). */
    static final String ENGINE_OUTAGE_ANSWER = "503 DatabaseUnavailable, Retry-After";

    /** Polls until the index holds every dossier of the database and the index topic of the outbox is drained. */
    private static Duration awaitCaughtUp(String dbUrl, String password, String esUri) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + CATCH_UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long dossiers;
            long pending;
            try (Connection c = DriverManager.getConnection(dbUrl, "postgres", password);
                    Statement s = c.createStatement()) {
                dossiers = single(s, "select count(*) from dossier");
                pending = single(s, "select count(*) from outbox where topic = 'dossier-index' and done_at is null");
            }
            if (pending == 0 && indexed(esUri) == dossiers) {
                return Duration.ofNanos(System.nanoTime() - t0);
            }
            Thread.sleep(200);
        }
        return null;
    }

    static long indexed(String esUri) throws IOException, InterruptedException {
        HttpResponse<String> count = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(esUri + "/dossiers/_count"))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (count.statusCode() == 404) {
            return 0;
        }
        if (count.statusCode() != 200) {
            throw new IllegalStateException("Elasticsearch answered " + count.statusCode() + ": " + count.body());
        }
        return JSON.readTree(count.body()).path("count").asLong();
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    // ---- the load ----

    /** A dossier answered 201: its code, lookup key and the status it was acknowledged with. */
    record Ack(String code, String lookupKey, int status) {}

    /** Every acknowledged dossier of the run, over all phases. */
    static final class Ledger {
        final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

        int size() {
            return acks.size();
        }

        Ack any() {
            List<Ack> all = new ArrayList<>(acks);
            return all.isEmpty() ? null : all.get(ThreadLocalRandom.current().nextInt(all.size()));
        }
    }

    /**
     * One request: its kind ({@code submit}, {@code lookup}), when it started and ended ({@link System#nanoTime()}),
     * and its outcome: the status with what the answer was, or {@code connection error} / {@code no answer in 60 s}.
     */
    record Call(String kind, long start, long end, String outcome) {
        boolean ok() {
            return outcome.startsWith("2");
        }
    }

    /** Client threads, each submitting a dossier and then looking up a random acknowledged one, until stopped. */
    static final class Load {
        private final int port;
        private final int threads;
        private final Ledger ledger;
        private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        private final List<Thread> workers = new ArrayList<>();
        private final AtomicLong serial = new AtomicLong();
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final byte[] pdf = TestPdfs.blankPage();
        private volatile boolean running;

        Load(int port, int threads, Ledger ledger) {
            this.port = port;
            this.threads = threads;
            this.ledger = ledger;
        }

        void start() {
            running = true;
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(this::work, "fault-client-" + i);
                t.setDaemon(true);
                t.start();
                workers.add(t);
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread t : workers) {
                t.join(REQUEST_TIMEOUT.toMillis() + 10_000);
            }
        }

        List<Call> calls() {
            return List.copyOf(calls);
        }

        /** Waits for a submission acknowledged that ended after {@code after}; its end, or -1 if none came. */
        long awaitAcknowledgedAfter(long after, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                long first = calls.stream()
                        .filter(c -> c.kind.equals("submit") && c.ok() && c.end > after)
                        .mapToLong(Call::end)
                        .min()
                        .orElse(-1);
                if (first > 0) {
                    return first;
                }
                Thread.sleep(50);
            }
            return -1;
        }

        private void work() {
            while (running) {
                submit();
                Ack known = ledger.any();
                if (running && known != null) {
                    lookup(known);
                }
            }
        }

        private void submit() {
            long n = serial.incrementAndGet();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/public/dossiers"))
                                .timeout(REQUEST_TIMEOUT)
                                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(n, pdf)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    JsonNode receipt = JSON.readTree(r.body());
                    ledger.acks.add(new Ack(
                            receipt.path("code").asText(),
                            receipt.path("lookupKey").asText(),
                            receipt.path("status").asInt()));
                }
                calls.add(new Call("submit", t0, System.nanoTime(), outcome(r)));
            } catch (HttpTimeoutException e) {
                calls.add(new Call(
                        "submit", t0, System.nanoTime(), "no answer in " + REQUEST_TIMEOUT.toSeconds() + " s"));
            } catch (IOException e) {
                calls.add(new Call("submit", t0, System.nanoTime(), "connection error"));
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        private void lookup(Ack ack) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/public/dossiers/" + ack.code))
                                .timeout(REQUEST_TIMEOUT)
                                .header("X-Lookup-Key", ack.lookupKey)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                calls.add(new Call("lookup", t0, System.nanoTime(), outcome(r)));
            } catch (HttpTimeoutException e) {
                calls.add(new Call(
                        "lookup", t0, System.nanoTime(), "no answer in " + REQUEST_TIMEOUT.toSeconds() + " s"));
            } catch (IOException e) {
                calls.add(new Call("lookup", t0, System.nanoTime(), "connection error"));
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        /** After a refused connection (the application is down) a client waits a little before trying again. */
        private void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        private static String outcome(HttpResponse<String> r) {
            int status = r.statusCode();
            if (status / 100 == 2) {
                return "2xx";
            }
            String type = r.headers().firstValue("Content-Type").orElse("");
            boolean problem = type.startsWith("application/problem+json");
            boolean retryAfter = r.headers().firstValue("Retry-After").isPresent();
            if (status == 503 && problem && retryAfter) {
                return OUTAGE_ANSWER;
            }
            return status
                    + (problem ? " problem+json" : " " + (type.isEmpty() ? "no body type" : type))
                    + (retryAfter ? ", Retry-After" : "");
        }

        private static byte[] multipartBody(long n, byte[] pdf) throws IOException {
            String json = """
                    {"procedureKey":"%s","agencyCode":"%s",
                     "applicant":{"name":"Nguyễn Văn Đoàn %d","identityNumber":"%012d","phone":"0912345678","email":"doan@example.vn"},
                     "data":{"documentName":"Bằng tốt nghiệp THPT","copyCount":2,"pagesPerCopy":1}}""".formatted(PROCEDURE, AGENCY, n, 1090000000L + n);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"dossier\"\r\n"
                            + "Content-Type: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(json.getBytes(StandardCharsets.UTF_8));
            body.write(("\r\n--" + BOUNDARY
                            + "\r\nContent-Disposition: form-data; name=\"ban-chinh\"; filename=\"bang-tot-nghiep.pdf\"\r\n"
                            + "Content-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(pdf);
            body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return body.toByteArray();
        }
    }

    // ---- what the database and the index hold ----

    /**
     * The check of the database and the index against the acknowledged dossiers. Half-written, in SQL: a dossier
     * without a process instance ({@code process_instance_id} null or not in {@code ACT_HI_PROCINST}), with one
     * neither running ({@code ACT_RU_EXECUTION}) nor ended, or without a document; a process instance without its
     * dossier.
     */
    record Integrity(
            int acknowledged,
            long dossiers,
            long indexed,
            List<String> lost,
            List<String> incomplete,
            long duplicateAcks,
            long duplicateCodes,
            long duplicateBusinessKeys,
            long withoutProcess,
            long processNotLive,
            long withoutDocuments,
            long processWithoutDossier,
            long outboxLost,
            Map<String, String> outbox,
            Duration catchUp) {

        long duplicates() {
            return duplicateAcks + duplicateCodes + duplicateBusinessKeys;
        }

        long halfWritten() {
            return withoutProcess + processNotLive + withoutDocuments + processWithoutDossier;
        }

        long unacknowledged() {
            return dossiers - (acknowledged - duplicateAcks);
        }

        Integrity withCatchUp(Duration d) {
            return new Integrity(
                    acknowledged,
                    dossiers,
                    indexed,
                    lost,
                    incomplete,
                    duplicateAcks,
                    duplicateCodes,
                    duplicateBusinessKeys,
                    withoutProcess,
                    processNotLive,
                    withoutDocuments,
                    processWithoutDossier,
                    outboxLost,
                    outbox,
                    d);
        }

        @Override
        public String toString() {
            return "acknowledged " + acknowledged + ", in the database " + dossiers + ", indexed " + indexed
                    + ", lost " + lost.size() + ", not as acknowledged " + incomplete.size() + ", duplicates "
                    + duplicates() + ", half-written " + halfWritten() + ", outbox lost " + outboxLost
                    + ", outbox " + outbox;
        }

        private static final String DOSSIERS = """
                select d.code, d.public_status, d.procedure_key,
                       (select count(*) from dossier_document dd where dd.dossier_id = d.id) as documents,
                       (select count(*) from act_ru_execution e
                         where e.proc_inst_id_ = d.process_instance_id and e.parent_id_ is null) as live,
                       (select string_agg(t.task_def_key_, ',') from act_ru_task t
                         where t.proc_inst_id_ = d.process_instance_id) as tasks,
                       (select count(*) from outbox o where o.topic = 'dossier-index' and o.aggregate_id = d.code)
                         as index_messages
                  from dossier d""";

        static Integrity check(String dbUrl, String password, String esUri, Ledger ledger) throws Exception {
            List<Ack> acks = new ArrayList<>(ledger.acks);
            Map<String, String[]> rows = new HashMap<>();
            long duplicateCodes;
            long duplicateKeys;
            long withoutProcess;
            long notLive;
            long withoutDocuments;
            long processWithoutDossier;
            long outboxLost;
            long dossiers;
            Map<String, String> outbox = new TreeMap<>();
            try (Connection c = DriverManager.getConnection(dbUrl, "postgres", password);
                    Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery(DOSSIERS)) {
                    while (r.next()) {
                        rows.put(r.getString("code"), new String[] {
                            r.getString("public_status"),
                            r.getString("procedure_key"),
                            r.getString("documents"),
                            r.getString("live"),
                            r.getString("tasks"),
                            r.getString("index_messages")
                        });
                    }
                }
                dossiers = single(s, "select count(*) from dossier");
                duplicateCodes = single(
                        s, "select count(*) from (select code from dossier group by code having count(*) > 1) x");
                duplicateKeys = single(s, """
                        select count(*) from (select business_key_ from act_hi_procinst where business_key_ is not null
                         group by business_key_ having count(*) > 1) x""");
                withoutProcess = single(s, """
                        select count(*) from dossier d where d.process_instance_id is null
                            or not exists (select 1 from act_hi_procinst h where h.proc_inst_id_ = d.process_instance_id)""");
                notLive = single(s, """
                        select count(*) from dossier d join act_hi_procinst h on h.proc_inst_id_ = d.process_instance_id
                         where h.end_time_ is null
                           and not exists (select 1 from act_ru_execution e where e.proc_inst_id_ = d.process_instance_id)""");
                withoutDocuments = single(s, """
                        select count(*) from dossier d
                         where not exists (select 1 from dossier_document dd where dd.dossier_id = d.id)""");
                processWithoutDossier = single(s, """
                        select count(*) from act_hi_procinst h
                         where not exists (select 1 from dossier d where d.process_instance_id = h.proc_inst_id_)""");
                outboxLost = single(s, """
                        select count(*) from dossier d where not exists
                            (select 1 from outbox o where o.topic = 'dossier-index' and o.aggregate_id = d.code)""");
                try (ResultSet r = s.executeQuery("""
                        select topic, count(*) as messages, count(*) filter (where done_at is null) as pending
                          from outbox group by topic""")) {
                    while (r.next()) {
                        outbox.put(r.getString(1), r.getLong(2) + " (" + r.getLong(3) + " pending)");
                    }
                }
            }
            List<String> lost = new ArrayList<>();
            List<String> incomplete = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            long duplicateAcks = 0;
            for (Ack ack : acks) {
                if (!seen.add(ack.code)) {
                    duplicateAcks++;
                    continue;
                }
                String[] row = rows.get(ack.code);
                if (row == null) {
                    lost.add(ack.code);
                    continue;
                }
                boolean asAcknowledged = Integer.parseInt(row[0]) == ack.status
                        && PROCEDURE.equals(row[1])
                        && Long.parseLong(row[2]) >= 1
                        && Long.parseLong(row[3]) == 1
                        && FIRST_STEP.equals(row[4])
                        && Long.parseLong(row[5]) >= 1;
                if (!asAcknowledged) {
                    incomplete.add(ack.code + " " + String.join("/", java.util.Arrays.asList(row)));
                }
            }
            return new Integrity(
                    acks.size(),
                    dossiers,
                    FaultBenchmark.indexed(esUri),
                    lost,
                    incomplete,
                    duplicateAcks,
                    duplicateCodes,
                    duplicateKeys,
                    withoutProcess,
                    notLive,
                    withoutDocuments,
                    processWithoutDossier,
                    outboxLost,
                    outbox,
                    null);
        }
    }

    // ---- the phases ----

    record KillRun(int acked, List<Call> calls, long killedAt, Duration restart, Duration catchUp) {}

    record OutageRun(
            PostgresControl.Shutdown mode,
            List<Call> calls,
            List<Call> engineCalls,
            Call held,
            long stopAt,
            long downAt,
            long backAt,
            long recoveredAt) {

        /** Requests that were open at some moment between the shutdown signal and the server's return. */
        private List<Call> overlapping() {
            return calls.stream()
                    .filter(c -> c.end >= stopAt && c.start <= backAt)
                    .toList();
        }

        Map<String, Integer> engineDuringOutage() {
            return count(engineCalls, c -> c.end >= stopAt && c.start <= backAt);
        }

        long engineFailedAfterRecovery() {
            return engineCalls.stream()
                    .filter(c -> recoveredAt > 0 && c.start > recoveredAt && !c.ok())
                    .count();
        }

        Map<String, Integer> duringOutage() {
            return count(overlapping(), c -> true);
        }

        long longestDuringOutageMillis() {
            return overlapping().stream()
                    .mapToLong(c -> (c.end - c.start) / 1_000_000)
                    .max()
                    .orElse(0);
        }

        long failedAfterRecovery() {
            return calls.stream()
                    .filter(c -> recoveredAt > 0 && c.start > recoveredAt && !c.ok())
                    .count();
        }

        long acknowledged() {
            return calls.stream().filter(c -> c.kind.equals("submit") && c.ok()).count();
        }
    }

    record SearchDeathRun(
            List<Call> submissions,
            List<Call> searches,
            long killedAt,
            long restartAt,
            long backAt,
            long searchBackAt) {

        Map<String, Integer> searchesWhileDown() {
            return count(searches, c -> c.start >= killedAt && c.end <= restartAt);
        }
    }

    /**
     * An administrator ({@code quantri01}, HTTP Basic) calling Camunda's REST API every 100 ms, alternately {@code GET
     * /engine-rest/task?maxResults=1} and {@code GET /engine-rest/process-definition/count}.
     */
    static final class EngineRestCalls {
        private static final List<String> PATHS =
                List.of("/engine-rest/task?maxResults=1", "/engine-rest/process-definition/count");
        static final String AUTHORIZATION = "Basic "
                + java.util.Base64.getEncoder().encodeToString("quantri01:demo".getBytes(StandardCharsets.UTF_8));
        private static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        private final int port;
        private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        private volatile boolean running;
        private Thread worker;

        EngineRestCalls(int port) {
            this.port = port;
        }

        /** One call, its outcome. */
        static String once(int port, String path) throws InterruptedException {
            return call(port, path).outcome;
        }

        void start() {
            running = true;
            worker = new Thread(this::work, "fault-administrator");
            worker.setDaemon(true);
            worker.start();
        }

        void stop() throws InterruptedException {
            running = false;
            worker.join(REQUEST_TIMEOUT.toMillis() + 10_000);
        }

        List<Call> calls() {
            return List.copyOf(calls);
        }

        private void work() {
            for (int n = 0; running; n++) {
                try {
                    calls.add(call(port, PATHS.get(n % PATHS.size())));
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private static Call call(int port, String path) throws InterruptedException {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(REQUEST_TIMEOUT)
                                .header("Authorization", AUTHORIZATION)
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Call("engine", t0, System.nanoTime(), outcome(r));
            } catch (HttpTimeoutException e) {
                return new Call("engine", t0, System.nanoTime(), "no answer in " + REQUEST_TIMEOUT.toSeconds() + " s");
            } catch (IOException e) {
                return new Call("engine", t0, System.nanoTime(), "connection error");
            }
        }

        static String outcome(HttpResponse<String> r) {
            return outcome(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After").isPresent(),
                    r.body());
        }

        /** 2xx, the outage answer, or the status, body type and Camunda's error {@code type}. */
        static String outcome(int status, String contentType, boolean retryAfter, String body) {
            if (status / 100 == 2) {
                return "2xx";
            }
            String type = contentType.split(";")[0].strip();
            Matcher error = ERROR_TYPE.matcher(body);
            String errorType = error.find() ? error.group(1) : "";
            if (status == 503
                    && type.equals("application/json")
                    && retryAfter
                    && errorType.equals("DatabaseUnavailable")) {
                return ENGINE_OUTAGE_ANSWER;
            }
            return status + " " + (type.isEmpty() ? "no body type" : type)
                    + (errorType.isEmpty() ? "" : " " + errorType) + (retryAfter ? ", Retry-After" : "");
        }

        private static final Pattern ERROR_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");
    }

    /**
     * {@code POST /engine-rest/task/count} as the administrator, on a socket of its own, sent but for the last byte of
     * its body: the server authenticates it and Camunda's REST API waits in the body's reading until {@link #finish}.
     */
    static final class HeldQuery {
        private static final byte[] BODY = "{\"active\":true}".getBytes(StandardCharsets.UTF_8);

        private final Socket socket;
        private final long start;

        private HeldQuery(Socket socket, long start) {
            this.socket = socket;
            this.start = start;
        }

        static HeldQuery open(int port) throws IOException {
            long t0 = System.nanoTime();
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            String head = "POST /engine-rest/task/count HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: " + EngineRestCalls.AUTHORIZATION
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + BODY.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(BODY, 0, BODY.length - 1);
            out.flush();
            return new HeldQuery(socket, t0);
        }

        /** Sends the last byte and reads the answer to its end (the server closes the connection). */
        Call finish() {
            try (socket) {
                socket.getOutputStream().write(BODY, BODY.length - 1, 1);
                socket.getOutputStream().flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int headEnd = answer.indexOf("\r\n\r\n");
                String head = headEnd < 0 ? answer : answer.substring(0, headEnd);
                String[] lines = head.split("\r\n");
                int status = Integer.parseInt(lines[0].split(" ")[1]);
                String contentType = "";
                boolean retryAfter = false;
                for (String line : lines) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-type:")) {
                        contentType = line.substring(line.indexOf(':') + 1).strip();
                    }
                    retryAfter |= lower.startsWith("retry-after:");
                }
                String body = headEnd < 0 ? "" : answer.substring(headEnd + 4);
                return new Call(
                        "engine",
                        start,
                        System.nanoTime(),
                        EngineRestCalls.outcome(status, contentType, retryAfter, body));
            } catch (IOException | RuntimeException e) {
                return new Call("engine", start, System.nanoTime(), "no answer: " + e);
            }
        }
    }

    /** One desk clerk searching for acknowledged dossiers by code every 250 ms. */
    static final class Searches {
        private final int port;
        private final Ledger ledger;
        private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final String authorization = "Basic "
                + java.util.Base64.getEncoder().encodeToString("tiepnhan01:demo".getBytes(StandardCharsets.UTF_8));
        private volatile boolean running;
        private Thread worker;

        Searches(int port, Ledger ledger) {
            this.port = port;
            this.ledger = ledger;
        }

        void start() {
            running = true;
            worker = new Thread(this::work, "fault-clerk");
            worker.setDaemon(true);
            worker.start();
        }

        void stop() throws InterruptedException {
            running = false;
            worker.join(REQUEST_TIMEOUT.toMillis() + 10_000);
        }

        List<Call> calls() {
            return List.copyOf(calls);
        }

        long awaitAnsweredAfter(long after, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                long first = calls.stream()
                        .filter(c -> c.ok() && c.start > after)
                        .mapToLong(Call::end)
                        .min()
                        .orElse(-1);
                if (first > 0) {
                    return first;
                }
                Thread.sleep(50);
            }
            return -1;
        }

        private void work() {
            while (running) {
                Ack ack = ledger.any();
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dossiers?q="
                                            + (ack == null ? "" : ack.code)))
                                    .timeout(REQUEST_TIMEOUT)
                                    .header("Authorization", authorization)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    calls.add(new Call("search", t0, System.nanoTime(), Load.outcome(r)));
                } catch (HttpTimeoutException e) {
                    calls.add(new Call(
                            "search", t0, System.nanoTime(), "no answer in " + REQUEST_TIMEOUT.toSeconds() + " s"));
                } catch (IOException e) {
                    calls.add(new Call("search", t0, System.nanoTime(), "connection error"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static Map<String, Integer> count(List<Call> calls, Predicate<Call> which) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Call c : calls) {
            if (which.test(c)) {
                counts.merge(c.outcome, 1, Integer::sum);
            }
        }
        return counts;
    }

    // ---- the report ----

    private String report(
            Duration firstStart,
            KillRun kill,
            Integrity afterKill,
            List<OutageRun> outages,
            String engineRestError,
            long engineRestMapped,
            Integrity afterOutages,
            SearchDeathRun searchDeath,
            Integrity afterSearchDeath,
            String loadAtStart,
            String othersAtStart) {
        StringBuilder md = new StringBuilder();
        md.append("# Faults under load: kill -9 of the application, PostgreSQL restarts, Elasticsearch's death\n\n");
        md.append("Written by `FaultBenchmark` (")
                .append(Instant.now().toString(), 0, 16)
                .append(" UTC); ")
                .append("what the checks mean and how to run it: [../reliability.md](../reliability.md#faults), ")
                .append("[../benchmarks.md](../benchmarks.md#faults-under-load-faultbenchmark).\n\n");
        md.append("## What runs\n\n");
        md.append("`java -Xmx")
                .append(heap)
                .append(" -jar app/target/motcua-app.jar` in a JVM of its own against ")
                .append("its own PostgreSQL 17 and Elasticsearch 8.19 (fresh data folder, demo agency on, rate limits ")
                .append("off). ")
                .append(threads)
                .append(" client threads (JDK `HttpClient`, another process) each loop: ")
                .append("submit a `")
                .append(PROCEDURE)
                .append("` dossier online (`POST /api/public/dossiers`, ")
                .append("multipart: the dossier as JSON and a one-page PDF that opens), then look up a random ")
                .append("acknowledged one with its key (`GET /api/public/dossiers/{code}`). Load before each fault: ")
                .append(load.toSeconds())
                .append(" s (half of it before a PostgreSQL stop); PostgreSQL kept down ")
                .append(outage.toSeconds())
                .append(" s. First start of the application: ")
                .append(seconds(firstStart))
                .append(" s.\n\n");
        md.append("Machine:\n\n")
                .append(Machine.facts().strip())
                .append("\n\nLoad average at the start ")
                .append(loadAtStart)
                .append(", at the end ")
                .append(Machine.loadAverage())
                .append("; other work at the start: ")
                .append(othersAtStart)
                .append(".\n\n");

        md.append("## A. kill -9 of the application under load\n\n");
        md.append("`destroyForcibly` (SIGKILL) of the application's JVM after ")
                .append(load.toSeconds())
                .append(
                        " s of load, then `java -jar` again on the same data folder, PostgreSQL and Elasticsearch.\n\n");
        md.append(
                "| acknowledged (201) | found as acknowledged | lost | duplicates | half-written | committed but not acknowledged | outbox messages lost | restart to healthy | index caught up after |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        md.append(integrityRow(afterKill, seconds(kill.restart) + " s"));
        Map<String, Integer> atKill = count(kill.calls, c -> c.end >= kill.killedAt);
        md.append("\nAnswers of the requests open when the JVM was killed or sent while it was down: ")
                .append(describe(atKill))
                .append(". Answers before the kill: ")
                .append(describe(count(kill.calls, c -> c.end < kill.killedAt)))
                .append(".\n\n");

        md.append("## B. PostgreSQL stopped and started again, the application left running\n\n");
        md.append("The postmaster is sent SIGINT (fast shutdown: sessions ended, a checkpoint) or SIGQUIT (immediate: ")
                .append("no checkpoint, recovery from the WAL at the next start, like a crash), kept down, then ")
                .append("started with its own command line (`postmaster.opts`) on the same port. The application is ")
                .append("not touched: its pool (Hikari, `connection-timeout` 5 s) reconnects by itself. Beside the ")
                .append("citizens, an administrator (`quantri01`, HTTP Basic) calls Camunda's REST API every 100 ms, ")
                .append(
                        "alternately `GET /engine-rest/task?maxResults=1` and `GET /engine-rest/process-definition/count`; ")
                .append(
                        "each must be answered 2xx or 503 in Camunda's error shape (`{\"type\": \"DatabaseUnavailable\", ")
                .append("\"message\"}`, `application/json`) with `Retry-After`, never 500. Most meet the outage in ")
                .append("Camunda's authentication filter, which reads the password from the database before the REST ")
                .append("API runs; so, before each stop, one more query (`POST /engine-rest/task/count`) is sent but ")
                .append("for its body's last byte, and finished once PostgreSQL is down: authenticated, it meets the ")
                .append("outage inside the REST API (the stop waits for its answer, so PostgreSQL stays down at least ")
                .append("as long as the pool's `connection-timeout`).\n\n");
        md.append(
                "| shutdown | down | requests during the outage, by answer | longest answer during the outage | first submission acknowledged after PostgreSQL was back | failed after that | acknowledged in the phase | engine REST calls during the outage, by answer | engine REST calls in the phase | engine REST calls failed after the recovery | engine REST query authenticated before the stop |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (OutageRun run : outages) {
            md.append("| ")
                    .append(run.mode.name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(seconds(Duration.ofNanos(run.backAt - run.stopAt)))
                    .append(" s | ")
                    .append(describe(run.duringOutage()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f s", run.longestDuringOutageMillis() / 1000.0))
                    .append(" | ")
                    .append(
                            run.recoveredAt < 0
                                    ? "never"
                                    : seconds(Duration.ofNanos(run.recoveredAt - run.backAt)) + " s")
                    .append(" | ")
                    .append(run.failedAfterRecovery())
                    .append(" | ")
                    .append(run.acknowledged())
                    .append(" | ")
                    .append(describe(run.engineDuringOutage()))
                    .append(" | ")
                    .append(describe(count(run.engineCalls, c -> true)))
                    .append(" | ")
                    .append(run.engineFailedAfterRecovery())
                    .append(" | ")
                    .append(run.held.outcome)
                    .append(String.format(Locale.ROOT, " in %.1f s", (run.held.end - run.held.start) / 1e9))
                    .append(" |\n");
        }
        md.append("\nOf the engine REST 503 answers of both outages (the held queries included), ")
                .append(engineRestMapped)
                .append(" came from inside Camunda's REST API (`EngineRestOutage`'s mappers, counted in the ")
                .append("application's log); the others from `ProblemErrorController`, when Camunda's authentication ")
                .append("filter met the outage first.\n");
        md.append("\nAn ordinary error of Camunda's REST API, PostgreSQL up (`GET /engine-rest/task/no-such-task`): ")
                .append(engineRestError)
                .append(" (as Camunda answers it).\n");
        md.append("\nAfter both outages, over every dossier acknowledged since the start (A and B):\n\n");
        md.append(
                "| acknowledged (201) | found as acknowledged | lost | duplicates | half-written | committed but not acknowledged | outbox messages lost | restart to healthy | index caught up after |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        md.append(integrityRow(afterOutages, "(not restarted)"));

        md.append("\n## C. Elasticsearch killed and started again, the application left running\n\n");
        md.append("`kill -9` of Elasticsearch's launcher and JVM under load, kept down ")
                .append(outage.toSeconds())
                .append(" s, then started again on its port and data (what the application's watchdog does on the ")
                .append("embedded defaults; the production jar leaves it to the service manager). Beside the ")
                .append(
                        "citizens, one desk clerk searches (`GET /api/dossiers?q={code}`, HTTP Basic) every 250 ms.\n\n");
        md.append(
                "| submissions while it was down, by answer | searches while it was down, by answer | started again in | first search answered after it was back | acknowledged in the phase | found as acknowledged (all phases) | lost | duplicates | half-written | index caught up after |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        md.append("| ")
                .append(describe(count(
                        searchDeath.submissions,
                        c -> c.kind.equals("submit")
                                && c.end >= searchDeath.killedAt
                                && c.start <= searchDeath.backAt)))
                .append(" | ")
                .append(describe(searchDeath.searchesWhileDown()))
                .append(" | ")
                .append(seconds(Duration.ofNanos(searchDeath.backAt - searchDeath.restartAt)))
                .append(" s | ")
                .append(
                        searchDeath.searchBackAt < 0
                                ? "never"
                                : seconds(Duration.ofNanos(searchDeath.searchBackAt - searchDeath.backAt)) + " s")
                .append(" | ")
                .append(searchDeath.submissions.stream()
                        .filter(c -> c.kind.equals("submit") && c.ok())
                        .count())
                .append(" | ")
                .append(afterSearchDeath.acknowledged
                        - afterSearchDeath.duplicateAcks
                        - afterSearchDeath.lost.size()
                        - afterSearchDeath.incomplete.size())
                .append(" of ")
                .append(afterSearchDeath.acknowledged)
                .append(" | ")
                .append(afterSearchDeath.lost.size())
                .append(" | ")
                .append(afterSearchDeath.duplicates())
                .append(" | ")
                .append(afterSearchDeath.halfWritten())
                .append(" | ")
                .append(
                        afterSearchDeath.catchUp == null
                                ? "not within " + CATCH_UP_TIMEOUT.toSeconds() + " s"
                                : seconds(afterSearchDeath.catchUp) + " s")
                .append(" |\n");

        md.append("\n## The checks\n\n");
        md.append("- **found as acknowledged**: the dossier's row has the code, the public status the 201 gave, the ")
                .append("procedure, at least one document, exactly one live process instance (`ACT_RU_EXECUTION`) ")
                .append("waiting at `")
                .append(FIRST_STEP)
                .append("` (`ACT_RU_TASK`), and its `dossier-index` outbox message.\n");
        md.append(
                "- **duplicates**: codes answered twice, codes twice in `dossier`, business keys twice in `ACT_HI_PROCINST`.\n");
        md.append(
                        "- **half-written**: dossiers without a process instance (null or not in `ACT_HI_PROCINST`), with one ")
                .append("neither running nor ended, or without documents; process instances without their dossier.\n");
        md.append("- **committed but not acknowledged**: dossiers in the database the client got no 201 for (the ")
                .append("answer was lost with the JVM or the connection); complete like the others, not a loss.\n");
        md.append(
                        "- **index caught up**: Elasticsearch's `dossiers` count equals the database's and no `dossier-index` ")
                .append(
                        "message is pending, measured from the application's health (A) or the end of the load (B, C).\n");
        md.append("- Outbox by topic at the end: ")
                .append(afterSearchDeath.outbox)
                .append(".\n");
        md.append("\nNot exercised: clerk steps (every dossier stays at the receipt, so the run starts no engine job; ")
                .append("the job executor's recovery is not measured here).\n");
        return md.toString();
    }

    private static String integrityRow(Integrity i, String restart) {
        return "| " + i.acknowledged + " | " + (i.acknowledged - i.duplicateAcks - i.lost.size() - i.incomplete.size())
                + " | " + i.lost.size() + " | " + i.duplicates() + " | " + i.halfWritten() + " | " + i.unacknowledged()
                + " | " + i.outboxLost + " | " + restart + " | "
                + (i.catchUp == null ? "not within " + CATCH_UP_TIMEOUT.toSeconds() + " s" : seconds(i.catchUp) + " s")
                + " |\n";
    }

    private static String describe(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        Map<String, Integer> ordered = new LinkedHashMap<>(counts);
        StringBuilder s = new StringBuilder();
        ordered.forEach((k, v) ->
                s.append(s.isEmpty() ? "" : ", ").append(v).append(" × ").append(k));
        return s.toString();
    }

    private static String seconds(Duration d) {
        return d == null ? "?" : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String message) {
        System.out.println("[faults] " + message);
    }
}
