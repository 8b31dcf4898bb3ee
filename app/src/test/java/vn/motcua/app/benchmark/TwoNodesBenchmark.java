package vn.motcua.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.app.embedded.StandaloneServers;
import vn.motcua.app.signature.TestPdfs;
import vn.motcua.dossier.DossierChanges;
import vn.motcua.notification.CitizenNotifications;

/**
 * Two application nodes on one PostgreSQL and one Elasticsearch (a Camunda cluster), each the production jar in a
 * JVM of its own, with a fault: one node is killed ({@code kill -9}) while it holds timer jobs.
 *
 * <ol>
 *   <li>Both nodes start at the same moment on the empty database (the start-up lock makes one wait for the other).
 *   <li>Clients submit {@code benchmark.two-nodes.dossiers-per-node} dossiers to each node at once, all for the same
 *       receiving unit, and a clerk accepts every one (half through each node); each dossier then waits for its fee
 *       with a payment reminder timer due {@code benchmark.two-nodes.timer-seconds} later ({@code
 *       motcua.payments.reminder-before} set to the procedure's one-day expiry minus that).
 *   <li>When the timers come due, node B (one job thread that fetches ten jobs at a time, so it holds some while it
 *       works) is killed as soon as it holds jobs; node A runs them once their locks expire ({@code
 *       camunda.bpm.job-execution.lock-time-in-millis}).
 * </ol>
 *
 * Checked, from the database: every acknowledged code exists once, the unit's numbers run 1…n without a gap; each
 * reminder job succeeded exactly once (ACT_HI_JOB_LOG, history level full, each node with its own engine host name);
 * each dossier got exactly one reminder event and the same number of SMS as every other; both nodes ran jobs; the
 * jobs the dead node held were run by the other; the procedures were deployed once and Camunda's task filter made
 * once; the search index's outbox drained. Report: {@code two-nodes.md}.
 */
class TwoNodesBenchmark {

    private static final String AGENCY = "000.00.99.H99";
    private static final String CLERK = "tiepnhan01";
    private static final String REMINDER = "BoundaryEvent_PaymentReminder";
    private static final String BOUNDARY = "motcua-two-nodes-boundary";
    private static final String[] NODES = {"node-a", "node-b"};
    /** Generous: on a shared 2-core machine under load a request can take many seconds. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);
    /** The nodes' logs are kept here (target/two-nodes), the scratch folder is deleted. */
    private static final Path LOGS = Path.of("target", "two-nodes").toAbsolutePath();

    private final Path jar = Path.of(System.getProperty("benchmark.app.jar", "target/motcua-app.jar"))
            .toAbsolutePath();
    private final int perNode = Integer.getInteger("benchmark.two-nodes.dossiers-per-node", 100);
    private final int threadsPerNode = Integer.getInteger("benchmark.two-nodes.threads-per-node", 4);
    private final int timerSeconds = Integer.getInteger("benchmark.two-nodes.timer-seconds", 30);
    private final int lockSeconds = Integer.getInteger("benchmark.two-nodes.lock-seconds", 15);
    private final String heap = System.getProperty("benchmark.app.heap", "512m");
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean nodeBKilled;

    @Test
    void twoNodesRunEveryTimerOnceAndNeverDuplicateACode() throws Exception {
        assertThat(jar).as("the application jar (mvn package)").exists();
        String loadAtStart = Machine.loadAverage();
        Path root = Reports.scratch("motcua-two-nodes-");
        Map<String, String> figures = new HashMap<>();
        try (StandaloneServers servers = startServers(root)) {
            // Both nodes at the same moment, on the empty database.
            long startedAt = System.nanoTime();
            ExecutorService starter = Executors.newFixedThreadPool(2);
            Future<AppProcess> startA = starter.submit(() -> node(servers, root, 0));
            Future<AppProcess> startB = starter.submit(() -> node(servers, root, 1));
            starter.shutdown();
            try (AppProcess a = startA.get();
                    AppProcess b = startB.get();
                    HikariDataSource db = database(servers)) {
                figures.put("start", seconds(System.nanoTime() - startedAt));
                figures.put("waited", waitedForTheOther());
                run(new AppProcess[] {a, b}, db, figures, root);
            }
        } finally {
            Reports.delete(root);
        }
        String report = report(figures, loadAtStart);
        Reports.write(Reports.file("two-nodes.md"), report);
    }

    private void run(AppProcess[] nodes, DataSource db, Map<String, String> figures, Path root) throws Exception {
        JdbcTemplate sql = new JdbcTemplate(db);

        // 1. Submissions to both nodes at once, for one receiving unit.
        long submitStart = System.nanoTime();
        Map<String, Integer> codeToNode = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(2 * threadsPerNode);
        List<Future<?>> work = new ArrayList<>();
        byte[] body = multipartBody();
        for (int n = 0; n < 2; n++) {
            int node = n;
            for (int i = 0; i < perNode; i++) {
                work.add(clients.submit(() -> {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create(base(nodes[node]) + "/api/public/dossiers"))
                                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                                    .timeout(REQUEST_TIMEOUT)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        String code =
                                json.readTree(response.body()).path("code").asText();
                        Integer previous = codeToNode.put(code, node);
                        if (previous != null) {
                            throw new IllegalStateException("Code " + code + " acknowledged twice");
                        }
                    } else {
                        failed.incrementAndGet();
                        log("submission to " + NODES[node] + " answered " + response.statusCode() + " "
                                + response.body());
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : work) {
            f.get();
        }
        double submitSeconds = (System.nanoTime() - submitStart) / 1e9;
        log(codeToNode.size() + " dossiers acknowledged in " + String.format(Locale.ROOT, "%.1f", submitSeconds)
                + " s, " + failed.get() + " failed");

        List<String> dbCodes = sql.queryForList(
                "select code from dossier where receiving_agency_code = ? order by code", String.class, AGENCY);
        Set<String> acknowledged = new TreeSet<>(codeToNode.keySet());
        Set<String> distinct = new HashSet<>(dbCodes);
        List<Integer> numbers = dbCodes.stream()
                .map(c -> Integer.parseInt(c.substring(c.lastIndexOf('-') + 1)))
                .sorted()
                .toList();
        int gaps = 0;
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i) != i + 1) {
                gaps++;
            }
        }
        assertThat(dbCodes).as("dossier codes of the unit, no duplicates").hasSize(distinct.size());
        assertThat(distinct).as("every acknowledged code is stored").containsAll(acknowledged);
        assertThat(dbCodes.size() - acknowledged.size())
                .as("stored but not acknowledged: at most the failed requests")
                .isBetween(0, failed.get());
        assertThat(gaps).as("numbers 1…n without a gap (one receipt day)").isZero();
        assertThat(codeToNode.values().stream().filter(n -> n == 0).count()).isPositive();
        assertThat(codeToNode.values().stream().filter(n -> n == 1).count()).isPositive();

        // 2. A clerk accepts every dossier, alternately through each node: each now waits for its fee, with a
        // reminder timer due timerSeconds later. One acceptance per node first, alone: the first request on a node
        // is slow (its REST layer, the slip's fonts), and the others' timers should come due close together.
        long acceptStart = System.nanoTime();
        List<String> codes = new ArrayList<>(acknowledged);
        accept(sql, nodes[0], codes.get(0));
        accept(sql, nodes[1], codes.get(1));
        List<Future<?>> accepting = new ArrayList<>();
        for (int i = 2; i < codes.size(); i++) {
            String code = codes.get(i);
            int preferred = i % 2;
            accepting.add(clients.submit(() -> {
                acceptOnALiveNode(sql, nodes, preferred, code);
                return null;
            }));
        }
        clients.shutdown();

        // 3. While the clerk goes on and the first timers fire: kill node B as soon as it holds jobs. The clerk's
        // acceptances meant for node B go to node A from then on.
        Map<String, String> ownerOfJob = new HashMap<>();
        String ownerB = null;
        long deadline =
                System.nanoTime() + Duration.ofSeconds(timerSeconds + 900).toNanos();
        List<String> orphans = List.of();
        long killedAt = 0;
        int succeededBeforeKill = 0;
        double lockLeft = 0;
        int dueAtKill = 0;
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> row :
                    sql.queryForList("select id_, lock_owner_ from act_ru_job where lock_owner_ is not null")) {
                ownerOfJob.put((String) row.get("id_"), (String) row.get("lock_owner_"));
            }
            if (ownerB == null) {
                for (String jobId : sql.queryForList(
                        "select job_id_ from act_hi_job_log where job_state_ = 2 and hostname_ = ?",
                        String.class,
                        NODES[1])) {
                    if (ownerOfJob.containsKey(jobId)) {
                        ownerB = ownerOfJob.get(jobId);
                        break;
                    }
                }
            }
            if (ownerB != null) {
                Integer held = sql.queryForObject(
                        "select count(*) from act_ru_job where lock_owner_ = ?", Integer.class, ownerB);
                // Two or more while fewer than half the reminders have run; then one is enough.
                int enough = succeeded(sql) < codes.size() / 2 ? 2 : 1;
                if (held != null && held >= enough) {
                    nodeBKilled = true;
                    nodes[1].killNow();
                    killedAt = System.nanoTime();
                    orphans =
                            sql.queryForList("select id_ from act_ru_job where lock_owner_ = ?", String.class, ownerB);
                    succeededBeforeKill = succeeded(sql);
                    lockLeft = sql.queryForObject(
                            "select coalesce(extract(epoch from max(lock_exp_time_) - now()), 0) from act_ru_job"
                                    + " where lock_owner_ = ?",
                            Double.class,
                            ownerB);
                    dueAtKill = sql.queryForObject(
                            "select count(*) from act_ru_job where duedate_ <= now() and lock_owner_ is null",
                            Integer.class);
                    break;
                }
            }
            if (succeeded(sql) >= codes.size()) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(killedAt).as("node B was killed while it held jobs").isPositive();
        assertThat(orphans).as("jobs node B held when it died").isNotEmpty();
        log("node B killed holding " + orphans.size() + " jobs; " + succeededBeforeKill + " reminders had run");
        for (Future<?> f : accepting) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log("an acceptance failed; the database's sessions: "
                        + sql.queryForList(
                                "select pid, application_name, state, wait_event_type, wait_event, now() - xact_start as xact,"
                                        + " left(query, 160) as query from pg_stat_activity where datname = 'motcua'"));
                throw e;
            }
        }
        double acceptSeconds = (System.nanoTime() - acceptStart) / 1e9;
        int waiting = reminderJobs(sql);
        int timers = waiting + succeeded(sql);
        log(codes.size() + " dossiers accepted in " + String.format(Locale.ROOT, "%.1f", acceptSeconds) + " s; "
                + waiting + " reminder timers waiting, " + (timers - waiting) + " run already");
        assertThat(timers).as("one reminder timer per dossier").isEqualTo(codes.size());

        // 4. Node A runs everything, the dead node's jobs once their locks expire.
        long takeoverDeadline =
                System.nanoTime() + Duration.ofSeconds(lockSeconds + 120).toNanos();
        List<String> orphanIds = orphans;
        long takenOverAt = 0;
        while (System.nanoTime() < takeoverDeadline) {
            if (takenOverAt == 0 && (orphanIds.isEmpty() || succeededOf(sql, orphanIds) == orphanIds.size())) {
                takenOverAt = System.nanoTime();
            }
            if (takenOverAt != 0 && succeeded(sql) >= codes.size()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(takenOverAt)
                .as("the dead node's jobs ran within the lock time and two minutes")
                .isPositive();
        assertThat(succeeded(sql)).as("every reminder ran").isEqualTo(codes.size());
        // The search index's outbox drains on node A.
        await("the search index's outbox drained")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> sql.queryForObject(
                                "select count(*) from outbox where topic = ? and done_at is null",
                                Integer.class,
                                DossierChanges.TOPIC_INDEX),
                        pending -> pending == 0);

        // 5. Exactly once, everywhere.
        List<Map<String, Object>> perJob = sql.queryForList("""
                select job_id_, count(*) filter (where job_state_ = 2) as ok,
                       min(hostname_) filter (where job_state_ = 2) as host
                from act_hi_job_log where act_id_ = ? group by job_id_""", REMINDER);
        long twice = perJob.stream()
                .filter(r -> ((Number) r.get("ok")).intValue() > 1)
                .count();
        long never = perJob.stream()
                .filter(r -> ((Number) r.get("ok")).intValue() == 0)
                .count();
        assertThat(perJob).as("reminder jobs").hasSize(codes.size());
        assertThat(twice).as("reminder jobs that succeeded twice").isZero();
        assertThat(never).as("reminder jobs that never succeeded").isZero();
        Map<String, Long> jobsPerNode = new HashMap<>();
        perJob.forEach(r -> jobsPerNode.merge((String) r.get("host"), 1L, Long::sum));
        assertThat(jobsPerNode.getOrDefault(NODES[0], 0L))
                .as("reminders run by node A")
                .isPositive();
        assertThat(jobsPerNode.getOrDefault(NODES[1], 0L))
                .as("reminders run by node B")
                .isPositive();
        Set<String> orphanHosts = new HashSet<>();
        for (Map<String, Object> r : perJob) {
            if (orphanIds.contains((String) r.get("job_id_"))) {
                orphanHosts.add((String) r.get("host"));
            }
        }
        if (!orphanIds.isEmpty()) {
            assertThat(orphanHosts).as("the dead node's jobs ran on the other").containsExactly(NODES[0]);
        }
        List<Integer> remindersPerDossier = sql.queryForList("""
                select count(e.id) from dossier d
                left join dossier_event e on e.dossier_id = d.id and e.internal_step = 'payment-reminder'
                where d.receiving_agency_code = ? group by d.id""", Integer.class, AGENCY);
        assertThat(remindersPerDossier)
                .as("reminder events per dossier")
                .hasSize(codes.size())
                .containsOnly(1);
        List<Integer> smsPerDossier = sql.queryForList(
                "select count(*) from outbox where topic = ? group by aggregate_id",
                Integer.class,
                CitizenNotifications.TOPIC_SMS);
        assertThat(new HashSet<>(smsPerDossier))
                .as("SMS per dossier: the same number for every dossier")
                .hasSize(1);
        Integer failedRuns =
                sql.queryForObject("select count(*) from act_hi_job_log where job_state_ = 1", Integer.class);
        Integer duplicateDeployments = sql.queryForObject(
                "select count(*) from (select name_ from act_re_deployment group by name_ having count(*) > 1) d",
                Integer.class);
        Integer deployments = sql.queryForObject("select count(*) from act_re_deployment", Integer.class);
        Integer filters = sql.queryForObject("select count(*) from act_ru_filter", Integer.class);
        assertThat(duplicateDeployments).as("procedures deployed by both nodes").isZero();
        assertThat(filters).as("Camunda task filters").isEqualTo(1);

        figures.put("perNode", perNode + "");
        figures.put(
                "submittedA", codeToNode.values().stream().filter(n -> n == 0).count() + "");
        figures.put(
                "submittedB", codeToNode.values().stream().filter(n -> n == 1).count() + "");
        figures.put("failed", failed.get() + "");
        figures.put("stored", dbCodes.size() + "");
        figures.put("duplicates", (dbCodes.size() - distinct.size()) + "");
        figures.put("gaps", gaps + "");
        figures.put("submitSeconds", String.format(Locale.ROOT, "%.1f", submitSeconds));
        figures.put("submitRate", String.format(Locale.ROOT, "%.1f", dbCodes.size() / submitSeconds));
        figures.put("acceptSeconds", String.format(Locale.ROOT, "%.1f", acceptSeconds));
        figures.put("timers", timers + "");
        figures.put("jobsA", jobsPerNode.getOrDefault(NODES[0], 0L) + "");
        figures.put("jobsB", jobsPerNode.getOrDefault(NODES[1], 0L) + "");
        figures.put("twice", twice + "");
        figures.put("never", never + "");
        figures.put("failedRuns", failedRuns + "");
        figures.put("beforeKill", succeededBeforeKill + "");
        figures.put("orphans", orphanIds.size() + "");
        figures.put("takeover", seconds(takenOverAt - killedAt));
        figures.put("lockLeft", String.format(Locale.ROOT, "%.1f s", lockLeft));
        figures.put("dueAtKill", dueAtKill + "");
        figures.put("deployments", deployments + "");
        figures.put("filters", filters + "");
        figures.put("sms", smsPerDossier.isEmpty() ? "0" : smsPerDossier.get(0) + "");
    }

    private StandaloneServers startServers(Path root) throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            return StandaloneServers.start(root.resolve("servers"), port);
        }
    }

    /** A node: its own engine host name (ACT_HI_JOB_LOG says who ran a job), short job locks, full history. */
    private AppProcess node(StandaloneServers servers, Path root, int index) throws Exception {
        String name = NODES[index];
        List<String> arguments = new ArrayList<>(List.of(
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.history-level=full",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + lockSeconds * 1000,
                "--camunda.bpm.job-execution.max-wait=2000",
                // The procedure asks its fee within one day: the reminder comes timerSeconds after the request.
                "--motcua.payments.reminder-before=PT" + (24 * 3600 - timerSeconds) + "S"));
        if (index == 1) {
            // One job thread fetching ten jobs at a time: node B holds jobs it has not run yet when it is killed.
            arguments.addAll(List.of(
                    "--camunda.bpm.job-execution.core-pool-size=1",
                    "--camunda.bpm.job-execution.max-pool-size=1",
                    "--camunda.bpm.job-execution.queue-capacity=10",
                    "--camunda.bpm.job-execution.max-jobs-per-acquisition=10"));
        }
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        Files.createDirectories(LOGS);
        // A long cap: the second node waits for the first one's start-up before doing its own, on a shared machine.
        return new AppProcess(jar, servers, dir, heap, LOGS.resolve(name + ".log"), arguments, Duration.ofMinutes(15));
    }

    private static HikariDataSource database(StandaloneServers servers) {
        var config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + servers.postgresPort() + "/motcua");
        config.setUsername("postgres");
        config.setPassword(servers.password());
        config.setMaximumPoolSize(4);
        config.setPoolName("two-nodes-check");
        return new HikariDataSource(config);
    }

    /** Which node's log says it waited for the other's start-up. */
    private static String waitedForTheOther() throws IOException {
        List<String> waited = new ArrayList<>();
        for (String name : NODES) {
            if (Files.readString(LOGS.resolve(name + ".log")).contains("Another node is starting on this database")) {
                waited.add(name);
            }
        }
        return waited.isEmpty() ? "neither (their start-up work did not overlap)" : String.join(", ", waited);
    }

    /**
     * Accepts on the preferred node, or on node A once node B is dead; a request that node B's death cut off is
     * sent again to node A unless it had committed (the task is gone then).
     */
    private void acceptOnALiveNode(JdbcTemplate sql, AppProcess[] nodes, int preferred, String code) throws Exception {
        int node = nodeBKilled ? 0 : preferred;
        try {
            accept(sql, nodes[node], code);
        } catch (IOException | IllegalStateException e) {
            if (node == 0 || !nodeBKilled) {
                throw e;
            }
            if (!receiptTask(sql, code).isEmpty()) {
                accept(sql, nodes[0], code);
            }
        }
    }

    private static List<String> receiptTask(JdbcTemplate sql, String code) {
        return sql.queryForList("""
                select t.id_ from act_ru_task t join dossier d on d.process_instance_id = t.proc_inst_id_
                where d.code = ? and t.task_def_key_ = 'UserTask_ReceiveDossier'""", String.class, code);
    }

    private void accept(JdbcTemplate sql, AppProcess node, String code) throws Exception {
        long start = System.nanoTime();
        String taskId = sql.queryForObject("""
                select t.id_ from act_ru_task t join dossier d on d.process_instance_id = t.proc_inst_id_
                where d.code = ? and t.task_def_key_ = 'UserTask_ReceiveDossier'""", String.class, code);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base(node) + "/engine-rest/task/" + taskId + "/complete"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((CLERK + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .timeout(REQUEST_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"variables\":{\"receiptDecision\":{\"value\":\"accept\"}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException(
                    "Accepting " + code + " answered " + response.statusCode() + " " + response.body());
        }
        if (System.nanoTime() - start > Duration.ofSeconds(10).toNanos()) {
            log("accepting " + code + " took " + seconds(System.nanoTime() - start));
        }
    }

    private static int reminderJobs(JdbcTemplate sql) {
        return sql.queryForObject(
                "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = ?",
                Integer.class,
                REMINDER);
    }

    private static int succeeded(JdbcTemplate sql) {
        return sql.queryForObject(
                "select count(*) from act_hi_job_log where job_state_ = 2 and act_id_ = ?", Integer.class, REMINDER);
    }

    private static int succeededOf(JdbcTemplate sql, List<String> jobIds) {
        return sql.queryForObject(
                "select count(*) from act_hi_job_log where job_state_ = 2 and job_id_ = any (?)",
                Integer.class,
                (Object) jobIds.toArray(String[]::new));
    }

    private static String base(AppProcess node) {
        return "http://127.0.0.1:" + node.port();
    }

    private static byte[] multipartBody() throws IOException {
        String dossier = """
                {"procedureKey":"chung-thuc-ban-sao","agencyCode":"%s",
                 "applicant":{"name":"Nguyễn Văn Đoàn","identityNumber":"001090012345","phone":"0912345678","email":"doan@example.vn"},
                 "data":{"documentName":"Bằng tốt nghiệp THPT","copyCount":2,"pagesPerCopy":1}}""".formatted(AGENCY);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"dossier\"\r\n"
                        + "Content-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(dossier.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"ban-chinh\"; filename=\"bang-tot-nghiep.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(TestPdfs.blankPage());
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private String report(Map<String, String> f, String loadAtStart) {
        return """
                # Two application nodes on one database

                `TwoNodesBenchmark`: two nodes (the production jar, each in a JVM of its own, `-Xmx%s`) on one
                PostgreSQL and one Elasticsearch, started at the same moment on an empty database; %s dossiers
                submitted to each node at once (%d client threads per node, `POST /api/public/dossiers` with a PDF),
                all for the receiving unit `%s`; a clerk accepts each (half through each node), so each waits for its
                fee with a payment reminder timer due %d s later; when the timers fire, node B is killed with
                `kill -9` while it holds jobs. Job lock time %d s (`camunda.bpm.job-execution.lock-time-in-millis`),
                idle job acquisition at most 2 s apart; node B runs one job thread that fetches ten jobs at a time.
                Load at start %s; other work: %s.

                %s

                ## Start-up

                | figure | value |
                | --- | --- |
                | both nodes healthy after | %s |
                | waited for the other's start-up (the start-up lock) | %s |
                | deployments (one per procedure, none made twice) | %s |
                | Camunda task filters | %s |

                ## Dossier codes

                | figure | value |
                | --- | --- |
                | acknowledged by node A | %s |
                | acknowledged by node B | %s |
                | failed requests | %s |
                | stored for the unit | %s |
                | duplicate codes | %s |
                | gaps in the numbering | %s |
                | submission time (both nodes, all dossiers) | %s s (%s dossiers/s) |
                | acceptance time | %s s |

                ## Timers and the kill

                | figure | value |
                | --- | --- |
                | reminder timers | %s |
                | reminders run before the kill | %s |
                | jobs node B held when killed | %s |
                | their locks expired after the kill | %s |
                | other due jobs waiting, unlocked, at the kill | %s |
                | takeover: from the kill until node A had run all of them | %s |
                | reminders run by node A | %s |
                | reminders run by node B | %s |
                | reminder jobs run twice | %s |
                | reminder jobs never run | %s |
                | failed job runs (any job) | %s |
                | reminder events per dossier | 1 for every dossier |
                | SMS queued per dossier | %s for every dossier |

                The dead node's jobs become free when their locks expire (at most the lock time after the kill;
                with the engine's default lock time, 5 minutes). The takeover time adds the surviving node's next
                acquisition and its queue: Camunda's job acquisition does not prefer the oldest due jobs (its
                default), so when the surviving node has a backlog of due jobs, which on this shared machine it
                had, the freed jobs wait their turn among them. The kill came while the clerk was still
                accepting dossiers; the acceptances meant for node B went to node A from then on.

                Run it: `mvn -B -ntp -pl app -am verify -Dit.test=TwoNodesBenchmark -Dfailsafe.failIfNoSpecifiedTests=false
                -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false` (settings in docs/benchmarks.md).
                """.formatted(
                        heap,
                        f.get("perNode"),
                        threadsPerNode,
                        AGENCY,
                        timerSeconds,
                        lockSeconds,
                        loadAtStart,
                        Machine.otherWork(),
                        Machine.facts(),
                        f.get("start"),
                        f.get("waited"),
                        f.get("deployments"),
                        f.get("filters"),
                        f.get("submittedA"),
                        f.get("submittedB"),
                        f.get("failed"),
                        f.get("stored"),
                        f.get("duplicates"),
                        f.get("gaps"),
                        f.get("submitSeconds"),
                        f.get("submitRate"),
                        f.get("acceptSeconds"),
                        f.get("timers"),
                        f.get("beforeKill"),
                        f.get("orphans"),
                        f.get("lockLeft"),
                        f.get("dueAtKill"),
                        f.get("takeover"),
                        f.get("jobsA"),
                        f.get("jobsB"),
                        f.get("twice"),
                        f.get("never"),
                        f.get("failedRuns"),
                        f.get("sms"));
    }

    private static void log(String message) {
        System.out.println("[two-nodes] " + message);
    }
}
