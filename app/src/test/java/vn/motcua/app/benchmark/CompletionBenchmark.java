package vn.motcua.app.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.MotcuaApplication;
import vn.motcua.app.agency.StaffDirectory;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.DossierSubmission.NewDossier;

/**
 * What completing a task costs as open dossiers pile up (1,000 and 100,000 open), with and without the
 * index the application adds on {@code ACT_RU_TASK.PARENT_TASK_ID_} (migration V2). Measured on a bare
 * Camunda engine (delegates that do nothing but date the deadline timers) and on the application in this JVM (embedded defaults, real
 * delegates): through {@code TaskService} as a signed-in clerk, and through {@code /engine-rest}.
 * Not a test: run it on demand (docs/benchmarks.md); it writes docs/benchmarks/completion.md.
 *
 * <p>Each measured completion is "Tiếp nhận hồ sơ" with {@code receiptDecision=accept}: in the
 * application that moves the dossier to received and then processing (two status changes, events,
 * outbox rows, SMS and e-mail queued) and creates the next user task, so the number of open instances
 * and tasks stays the same while measuring.
 */
class CompletionBenchmark {

    private static final String AGENCY = "000.00.99.H99";
    private static final String CLERK = "tiepnhan01";
    private static final byte[] PDF =
            ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII);

    private final int[] backlogs = java.util.Arrays.stream(
                    System.getProperty("benchmark.backlogs", "1000,100000").split(","))
            .mapToInt(b -> Integer.parseInt(b.trim()))
            .toArray();
    /** Completions per measurement; the first backlog must hold enough first tasks for all of them. */
    private final int perRun = Integer.getInteger("benchmark.completions", 150);

    private final int warmUp = Integer.getInteger("benchmark.warm-up-completions", 100);

    /**
     * Receiving units the application's dossiers are spread over. The clerk is a desk clerk of the first and
     * completes its tasks only: the engine routes each task to its unit's group (docs/adr/0007-agency-isolation.md).
     */
    private final int agencies = Integer.getInteger("benchmark.agencies", 100);

    private ConfigurableApplicationContext app;
    private HttpClient http;
    private String engineRest;

    @Test
    void completionCostAsTheBacklogGrows() throws Exception {
        String loadAtStart = Machine.loadAverage();
        String othersAtStart = Machine.otherWork();
        Path root = Reports.scratch("motcua-bench-completion-");
        List<Row> rows = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        String pgVersion;
        try (BareEngine bare = new BareEngine(root.resolve("bare-postgres"), 10)) {
            pgVersion = bare.serverVersion();
            startApplication(root.resolve("app-data"));
            DataSource appDb = app.getBean(DataSource.class);
            if (Statements.ENABLED) {
                Statements.enable(appDb);
            }
            TaskService tasks = app.getBean(TaskService.class);
            IdentityService identity = app.getBean(IdentityService.class);
            for (int backlog : backlogs) {
                long t0 = System.nanoTime();
                bare.startInBulk((int) (backlog - bare.openInstances()));
                double bareSeconds = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                int added = fillApplication(backlog - openInApplication(appDb));
                double appSeconds = (System.nanoTime() - t0) / 1e9;
                fills.add(String.format(
                        Locale.ROOT,
                        "%,d open: bare engine filled in %.0f s, application (%,d dossiers through "
                                + "`DossierSubmission`, spread over %d receiving units) in %.0f s",
                        backlog,
                        bareSeconds,
                        added,
                        agencies,
                        appSeconds));
                log(fills.get(fills.size() - 1));
                Sql.execute(bare.dataSource(), "analyze");
                Sql.execute(appDb, "analyze");
                if (rows.isEmpty()) {
                    log("warming up: " + warmUp + " completions on each path");
                    completeAll(bare.firstTasks(warmUp), bare::complete);
                    completeAll(appFirstTasks(tasks, warmUp), id -> completeInProcess(tasks, identity, id));
                    completeAll(appFirstTasks(tasks, warmUp), this::completeOverRest);
                }
                for (boolean index : new boolean[] {false, true}) {
                    Sql.parentTaskIndex(bare.dataSource(), index);
                    Sql.parentTaskIndex(appDb, index);
                    rows.add(measure(
                            "bare engine",
                            backlog,
                            index,
                            bare.dataSource(),
                            bare.openInstances(),
                            bare.firstTasks(perRun),
                            bare::complete));
                    rows.add(measure(
                            "application, TaskService",
                            backlog,
                            index,
                            appDb,
                            openInApplication(appDb),
                            appFirstTasks(tasks, perRun),
                            id -> completeInProcess(tasks, identity, id)));
                    rows.add(measure(
                            "application, /engine-rest",
                            backlog,
                            index,
                            appDb,
                            openInApplication(appDb),
                            appFirstTasks(tasks, perRun),
                            this::completeOverRest));
                }
            }
        } finally {
            if (app != null) {
                app.close();
            }
            Reports.delete(root);
        }
        Reports.write(Reports.file("completion.md"), report(rows, fills, pgVersion, loadAtStart, othersAtStart));
    }

    private Row measure(
            String path,
            int backlog,
            boolean index,
            DataSource db,
            long open,
            List<String> taskIds,
            Consumer<String> complete) {
        if (taskIds.size() < perRun) {
            throw new IllegalStateException(
                    "Only " + taskIds.size() + " first tasks left for " + path + " at " + backlog);
        }
        String load = Machine.load1();
        if (Statements.ENABLED) {
            Statements.reset(db);
        }
        var readsBefore = Sql.tableReads(db);
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        for (String id : taskIds) {
            long t0 = System.nanoTime();
            complete.accept(id);
            latencies.add(System.nanoTime() - t0);
        }
        Latencies.Summary summary = latencies.summary(System.nanoTime() - start);
        String scans = Sql.readsPerOperation(readsBefore, Sql.tableReads(db), taskIds.size(), 100);
        Statements.Summary statements =
                Statements.ENABLED ? Statements.perOperation(Statements.read(db), 0, taskIds.size()) : null;
        Row row = new Row(path, backlog, open, index, summary, scans, load, statements);
        log(row.toString());
        return row;
    }

    private static void completeAll(List<String> taskIds, Consumer<String> complete) {
        taskIds.forEach(complete);
    }

    private void startApplication(Path dataDir) throws java.io.IOException {
        if (Statements.ENABLED) {
            Statements.prepareCluster(dataDir.resolve("postgres"));
        }
        app = new SpringApplicationBuilder(MotcuaApplication.class)
                .run("--server.port=0", "--motcua.data-dir=" + dataDir);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        engineRest = "http://127.0.0.1:" + port + "/engine-rest";
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static long openInApplication(DataSource db) {
        return Sql.number(db, "select count(*) from act_ru_execution where id_ = proc_inst_id_");
    }

    /**
     * Adds dossiers through the application's own submission service (the HTTP layer left out), 200 per
     * transaction and engine command, one receiving unit per thread so that the code sequence's row lock
     * does not serialise the threads.
     */
    private int fillApplication(long count) throws InterruptedException {
        if (count <= 0) {
            return 0;
        }
        DossierSubmission submission = app.getBean(DossierSubmission.class);
        var engineCommands = ((ProcessEngineConfigurationImpl)
                        app.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        int threads = 3;
        List<NewDossier> perUnit = new ArrayList<>();
        for (int u = 0; u < agencies; u++) {
            String unit = unit(u);
            jdbc.update(
                    "insert into agency (code, name, level) values (?, ?, 'COMMUNE') on conflict do nothing",
                    unit,
                    "Đơn vị đo hiệu năng " + u);
            perUnit.add(new NewDossier(
                    "chung-thuc-ban-sao",
                    new Applicant("Nguyễn Văn Đoàn", "001090012345", null, "0912345678", "doan@example.vn", null),
                    unit,
                    null,
                    null,
                    Channel.ONLINE,
                    Map.of("documentName", "Bằng tốt nghiệp THPT", "copyCount", 2, "pagesPerCopy", 1),
                    List.of(new DocumentFile("ban-chinh", "bang-tot-nghiep.pdf", "application/pdf", PDF)),
                    "citizen"));
        }
        app.getBean(StaffDirectory.class).add(CLERK, unit(0), StaffRole.DESK_CLERK);
        // The clerk's unit first gets what this backlog's measurements will complete; the rest go round the units.
        long clerksFirstTasks = app.getBean(TaskService.class)
                .createTaskQuery()
                .taskDefinitionKey(BareEngine.FIRST_TASK)
                .taskCandidateGroup(StaffRole.DESK_CLERK.groupAt(unit(0)))
                .count();
        AtomicInteger reserve = new AtomicInteger((int) Math.max(0, 2 * warmUp + 4 * perRun - clerksFirstTasks));
        AtomicInteger left = new AtomicInteger((int) count);
        AtomicInteger batches = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(
                    () -> {
                        while (true) {
                            int batch = Math.min(200, left.getAndAdd(-200));
                            if (batch <= 0) {
                                return;
                            }
                            NewDossier dossier = reserve.getAndAdd(-batch) > 0
                                    ? perUnit.get(0)
                                    : perUnit.get(batches.getAndIncrement() % perUnit.size());
                            // One engine command around the batch: the engine writes all its rows at the command's end
                            // in
                            // JDBC batches, in the Spring transaction the submissions join; the rows are the same.
                            transaction.executeWithoutResult(status -> engineCommands.execute(context -> {
                                for (int i = 0; i < batch; i++) {
                                    submission.submit(dossier);
                                }
                                return null;
                            }));
                        }
                    },
                    "bench-fill-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return (int) count;
    }

    /** A benchmark receiving unit's code, in the national form (sample codes ending in B10). */
    private static String unit(int index) {
        return String.format(Locale.ROOT, "000.%02d.%02d.B10", index / 100, index % 100);
    }

    /** The clerk's unit's first tasks: the only ones the clerk may complete. */
    private static List<String> appFirstTasks(TaskService tasks, int count) {
        return tasks
                .createTaskQuery()
                .taskDefinitionKey(BareEngine.FIRST_TASK)
                .taskCandidateGroup(StaffRole.DESK_CLERK.groupAt(unit(0)))
                .orderByTaskCreateTime()
                .asc()
                .listPage(0, count)
                .stream()
                .map(Task::getId)
                .toList();
    }

    /** As the REST API and the webapps do it: the clerk is the engine's authenticated user, authorizations apply. */
    private static void completeInProcess(TaskService tasks, IdentityService identity, String taskId) {
        identity.setAuthentication(CLERK, List.of("tiepnhan", StaffRole.DESK_CLERK.groupAt(unit(0))));
        try {
            tasks.complete(taskId, Map.of("receiptDecision", "accept"));
        } finally {
            identity.clearAuthentication();
        }
    }

    private void completeOverRest(String taskId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(engineRest + "/task/" + taskId + "/complete"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((CLERK + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"variables\":{\"receiptDecision\":{\"value\":\"accept\"}}}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException(
                        "Completing " + taskId + " answered " + response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String report(
            List<Row> rows, List<String> fills, String pgVersion, String loadAtStart, String othersAtStart) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark: task completion as open dossiers pile up\n\n")
                .append("Written by `CompletionBenchmark` (app/src/test/java/vn/motcua/benchmark); how to run it: ")
                .append("[../benchmarks.md](../benchmarks.md). Do not edit by hand: run it again.\n\n")
                .append("## Machine\n\n")
                .append(Machine.facts())
                .append("\n")
                .append("| load average (1, 5, 15 min) at start | ")
                .append(loadAtStart)
                .append(" |\n")
                .append("| load average at end | ")
                .append(Machine.loadAverage())
                .append(" |\n")
                .append("| other work at start | ")
                .append(othersAtStart)
                .append(" |\n")
                .append("| other work at end | ")
                .append(Machine.otherWork())
                .append(" |\n\n");
        md.append("## What runs\n\n")
                .append("- **Bare engine**: Camunda 7.24 `StandaloneProcessEngineConfiguration`, history level audit, ")
                .append("PostgreSQL ")
                .append(pgVersion)
                .append(" of its own (the application's server settings), procedure ")
                .append(
                        "`chung-thuc-ban-sao` with its status changes resolved to a delegate that only sets the deadline "
                                + "timers' dates (a month ahead) at receipt; open instances ")
                .append("started in bulk (500 per transaction); completion through `TaskService.complete`.\n")
                .append(
                        "- **Application, TaskService**: the whole application in the benchmark's JVM on its embedded defaults ")
                .append("(PostgreSQL ")
                .append(pgVersion)
                .append(", Elasticsearch), real delegates; open dossiers submitted ")
                .append(
                        "through `DossierSubmission` (200 per transaction and engine command, so the engine writes them in JDBC batches; three threads, one receiving unit each); completion through ")
                .append("`TaskService.complete` with the clerk `")
                .append(CLERK)
                .append("` as the engine's authenticated user ")
                .append("(authorization checks on, as for the REST API).\n")
                .append(
                        "- **Application, /engine-rest**: the same, through `POST /engine-rest/task/{id}/complete` with HTTP Basic ")
                .append("as `")
                .append(CLERK)
                .append("` (JDK HttpClient in the same JVM).\n")
                .append(
                        "- Each measured completion is the first user task, \"Tiếp nhận hồ sơ\", accepted: in the application two ")
                .append(
                        "status changes (received, processing) with their events, outbox rows and SMS/e-mail, and the next user ")
                .append("task is created, so the number of open instances stays the same. One client thread; ")
                .append(perRun)
                .append(" completions per row after ")
                .append(warmUp)
                .append(" warm-up completions per path. ")
                .append("\"Without index\" drops `")
                .append(Sql.PARENT_TASK_INDEX)
                .append("` (migration V2), \"with index\" ")
                .append("creates it; `analyze` runs after each change, as autovacuum would in time.\n")
                .append("- Filling: ")
                .append(String.join("; ", fills))
                .append(".\n\n");
        md.append("## Completion time\n\n")
                .append(
                        "| path | open instances | PARENT_TASK_ID_ index | p50 ms | p95 ms | max ms | completions/s | tables with ≥ 100 rows read per completion | load (1 min) |\n")
                .append("| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(r.path())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", r.open()))
                    .append(" | ")
                    .append(r.index() ? "with" : "without")
                    .append(" | ")
                    .append(r.summary().p50ms())
                    .append(" | ")
                    .append(r.summary().p95ms())
                    .append(" | ")
                    .append(r.summary().maxMs())
                    .append(" | ")
                    .append(r.summary().rate())
                    .append(" | ")
                    .append(r.scans())
                    .append(" | ")
                    .append(r.load())
                    .append(" |\n");
        }
        if (rows.stream().anyMatch(r -> r.statements() != null)) {
            md.append("\n## SQL per completion\n\n")
                    .append(
                            "From pg_stat_statements, reset before each row: the statements per completion and the three ")
                    .append("that took the server longest. Both servers load pg_stat_statements for this.\n\n")
                    .append(
                            "| path | open | index | statements | server ms | heaviest statements (calls, server ms per completion) |\n")
                    .append("| --- | ---: | --- | ---: | ---: | --- |\n");
            for (Row r : rows) {
                Statements.Summary st = r.statements();
                StringBuilder heaviest = new StringBuilder();
                st.rows().stream()
                        .limit(3)
                        .forEach(q -> heaviest.append(heaviest.isEmpty() ? "" : "<br>")
                                .append(String.format(
                                        Locale.ROOT,
                                        "%.1f × %.2f ms `%s`",
                                        q.calls() / (double) st.operations(),
                                        q.millis() / st.operations(),
                                        Statements.Summary.shorten(q.query(), 90))));
                md.append("| ")
                        .append(r.path())
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", r.open()))
                        .append(" | ")
                        .append(r.index() ? "with" : "without")
                        .append(String.format(Locale.ROOT, " | %.1f | %.2f | ", st.statements(), st.serverMillis()))
                        .append(heaviest)
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static void log(String message) {
        System.out.println("[benchmark] " + message);
    }

    private record Row(
            String path,
            int backlog,
            long open,
            boolean index,
            Latencies.Summary summary,
            String scans,
            String load,
            Statements.Summary statements) {}
}
