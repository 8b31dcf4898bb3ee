package vn.motcua.app.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Submissions per second through the real path, side by side with a bare Camunda engine starting the
 * same BPMN, and the application's memory under that load. Not a test: run it on demand
 * (docs/benchmarks.md); it writes docs/benchmarks/submission.md.
 *
 * <p>The application runs as operations run it ({@code java -Xmx512m -jar motcua-app.jar} against its own
 * PostgreSQL and Elasticsearch, fresh data folder) in a JVM of its own; the client threads (JDK HttpClient) and the bare
 * engine run in this JVM, never at the same time as each other.
 */
class SubmissionBenchmark {

    private static final String BOUNDARY = "motcua-benchmark-boundary";
    /** The demo agency (switched on for the benchmark). */
    private static final String AGENCY = "000.00.99.H99";

    private static final byte[] PDF =
            ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII);

    private final int[] threadCounts = java.util.Arrays.stream(
                    System.getProperty("benchmark.threads", "1,2,4").split(","))
            .mapToInt(t -> Integer.parseInt(t.trim()))
            .toArray();
    private final Duration warmUp = Duration.ofSeconds(Long.getLong("benchmark.warm-up-seconds", 30));
    private final Duration measure = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
    private final String heap = System.getProperty("benchmark.app.heap", "512m");
    private final boolean spreadOverUnits =
            Boolean.parseBoolean(System.getProperty("benchmark.spread-over-units", "true"));
    private final Path jar = Path.of(System.getProperty("benchmark.app.jar", "target/motcua-app.jar"))
            .toAbsolutePath();

    @Test
    void submissionsPerSecond() throws Exception {
        String startedAt = Machine.loadAverage();
        String othersAtStart = Machine.otherWork();
        Path root = Reports.scratch("motcua-bench-");
        List<Row> rows = new ArrayList<>();
        AppProcess.Memory memory;
        String pgVersion;
        String heapMax;
        long appSubmitted = 0;
        long bareOpen;
        long postgresPss;
        long elasticsearchPss;
        Statements.Summary appStatements = null;
        Statements.Summary bareStatements = null;
        try (AppProcess app = new AppProcess(jar, root.resolve("app"), heap, root.resolve("app.log"));
                BareEngine bare = new BareEngine(root.resolve("bare-postgres"), 10)) {
            pgVersion = bare.serverVersion();
            heapMax = app.heapMax();
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest submission = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/api/public/dossiers"))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(AGENCY)))
                    .build();
            ClosedLoop.Operation submit = thread -> {
                HttpResponse<String> response = http.send(submission, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
            };

            app.startSampling();
            log("warming up the application for " + warmUp.toSeconds() + " s");
            appSubmitted += ClosedLoop.run(4, warmUp, submit).count();
            log("warming up the bare engine for " + warmUp.toSeconds() + " s");
            ClosedLoop.run(4, warmUp, thread -> bare.start());
            if (Statements.ENABLED) {
                try (var appDb = app.database()) {
                    Statements.enable(appDb);
                    appStatements = countStatements(appDb, submit);
                }
                appSubmitted += appStatements.operations();
                bareStatements = countStatements(bare.dataSource(), thread -> bare.start());
                log("per submission: application " + appStatements.statements() + " statements, "
                        + appStatements.commits() + " commits; bare engine " + bareStatements.statements() + ", "
                        + bareStatements.commits());
            }
            for (int threads : threadCounts) {
                String loadApp = Machine.load1();
                Latencies.Summary appRun = ClosedLoop.run(threads, measure, submit);
                appSubmitted += appRun.count();
                log(threads + " threads, application: " + appRun);
                String loadBare = Machine.load1();
                Latencies.Summary bareRun = ClosedLoop.run(threads, measure, thread -> bare.start());
                log(threads + " threads, bare engine: " + bareRun);
                rows.add(new Row(String.valueOf(threads), appRun, bareRun, loadApp, loadBare));
            }
            if (spreadOverUnits) {
                // Dossier codes are numbered per receiving unit and day under a row lock held to the commit, so the
                // runs above (one unit) serialise; a province's load comes from many units.
                int threads = java.util.Arrays.stream(threadCounts).max().orElse(4);
                List<HttpRequest> perUnit = new ArrayList<>();
                try (var appDb = app.database()) {
                    for (int t = 0; t < threads; t++) {
                        String unit = "000.00.99.B" + (20 + t);
                        Sql.execute(
                                appDb,
                                "insert into agency (code, name, level) values ('" + unit + "', 'Đơn vị đo hiệu năng "
                                        + t + "', 'COMMUNE') on conflict do nothing");
                        perUnit.add(HttpRequest.newBuilder(submission.uri())
                                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(unit)))
                                .build());
                    }
                }
                String loadApp = Machine.load1();
                Latencies.Summary appRun = ClosedLoop.run(threads, measure, thread -> {
                    HttpResponse<String> response =
                            http.send(perUnit.get(thread), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                });
                appSubmitted += appRun.count();
                log(threads + " threads, one unit each, application: " + appRun);
                String loadBare = Machine.load1();
                Latencies.Summary bareRun = ClosedLoop.run(threads, measure, thread -> bare.start());
                log(threads + " threads, bare engine: " + bareRun);
                rows.add(new Row(threads + ", each for its own receiving unit", appRun, bareRun, loadApp, loadBare));
            }
            app.stopSampling();
            memory = app.memory();
            bareOpen = bare.openInstances();
            postgresPss =
                    Machine.proportionalKb(app.dataDir().resolve("postgres").toString()) * 1024;
            elasticsearchPss = Machine.proportionalKb(
                            app.dataDir().resolve("elasticsearch").toString())
                    * 1024;
        } finally {
            Reports.delete(root);
        }
        Reports.write(
                Reports.file("submission.md"),
                report(
                        rows,
                        memory,
                        heapMax,
                        pgVersion,
                        appSubmitted,
                        bareOpen,
                        postgresPss,
                        elasticsearchPss,
                        appStatements,
                        bareStatements,
                        startedAt,
                        othersAtStart,
                        Machine.loadAverage(),
                        Machine.otherWork()));
    }

    private String report(
            List<Row> rows,
            AppProcess.Memory memory,
            String heapMax,
            String pgVersion,
            long appSubmitted,
            long bareOpen,
            long postgresPss,
            long elasticsearchPss,
            Statements.Summary appStatements,
            Statements.Summary bareStatements,
            String loadAtStart,
            String othersAtStart,
            String loadAtEnd,
            String othersAtEnd) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark: submissions\n\n")
                .append("Written by `SubmissionBenchmark` (app/src/test/java/vn/motcua/benchmark); how to run it: ")
                .append("[../benchmarks.md](../benchmarks.md). Do not edit by hand: run it again.\n\n")
                .append("## Machine\n\n")
                .append(Machine.facts())
                .append("\n")
                .append("| load average (1, 5, 15 min) at start | ")
                .append(loadAtStart)
                .append(" |\n")
                .append("| load average at end | ")
                .append(loadAtEnd)
                .append(" |\n")
                .append("| other work at start | ")
                .append(othersAtStart)
                .append(" |\n")
                .append("| other work at end | ")
                .append(othersAtEnd)
                .append(" |\n\n");
        md.append("## What runs\n\n")
                .append("- **Application**: `java -Xmx")
                .append(heap)
                .append(" -jar app/target/motcua-app.jar` in its own JVM, ")
                .append("against its own PostgreSQL ")
                .append(pgVersion)
                .append(" and Elasticsearch (started by the benchmark, fresh data folder; demo agency on), ")
                .append("history level audit, authorizations on. ")
                .append("Each submission is one `POST /api/public/dossiers` (multipart: the JSON part and one ")
                .append(PDF.length)
                .append("-byte PDF for `ban-chinh`) of procedure `chung-thuc-ban-sao`, answered 201: ")
                .append("checks, dossier code, dossier row, file, event, outbox and process start in one transaction. ")
                .append("All go to the demo agency ")
                .append(AGENCY)
                .append(", except in the last row, where each client ")
                .append(
                        "thread submits to a receiving unit of its own (added to the agency table for the run): dossier ")
                .append("codes are numbered per receiving unit and day under a row lock held until the commit.\n")
                .append(
                        "- **Client**: JDK `HttpClient` (HTTP/1.1) threads in the benchmark's JVM, a separate process from the ")
                .append(
                        "application; closed loop (each thread sends the next request when the previous one is answered).\n")
                .append(
                        "- **Bare engine**: Camunda 7.24 `StandaloneProcessEngineConfiguration` in the benchmark's JVM, history ")
                .append("level audit, on a PostgreSQL ")
                .append(pgVersion)
                .append(" server of its own with the application's ")
                .append(
                        "settings, Hikari pool of 10; the same BPMN with `${updateDossierStatus}` resolved to a delegate that does ")
                .append(
                        "nothing (`setBeans`); `startProcessInstanceByKey` with a business key and the same four variables.\n")
                .append("- Both warmed up for ")
                .append(warmUp.toSeconds())
                .append(" s with 4 threads, then ")
                .append(measure.toSeconds())
                .append(" s per thread count, application and bare engine in turn. ")
                .append("Every instance stays open, waiting at the first user task: at the end ")
                .append(appSubmitted)
                .append(" dossiers were open in the application and ")
                .append(bareOpen)
                .append(" instances in the bare engine.\n")
                .append(
                        Statements.ENABLED
                                ? "- Both PostgreSQL servers load pg_stat_statements (for the SQL counts below).\n\n"
                                : "\n");
        md.append("## Submissions per second\n\n")
                .append(
                        "| client threads | application /s | p50 ms | p95 ms | bare engine /s | p50 ms | p95 ms | application ÷ bare | load (1 min) before app, bare |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(r.threads())
                    .append(" | ")
                    .append(r.app().rate())
                    .append(errors(r.app()))
                    .append(" | ")
                    .append(r.app().p50ms())
                    .append(" | ")
                    .append(r.app().p95ms())
                    .append(" | ")
                    .append(r.bare().rate())
                    .append(errors(r.bare()))
                    .append(" | ")
                    .append(r.bare().p50ms())
                    .append(" | ")
                    .append(r.bare().p95ms())
                    .append(" | ")
                    .append(String.format(
                            Locale.ROOT, "%.2f", r.app().perSecond() / r.bare().perSecond()))
                    .append(" | ")
                    .append(r.loadApp())
                    .append(", ")
                    .append(r.loadBare())
                    .append(" |\n");
        }
        md.append("\n## Application memory under this load\n\n")
                .append("Sampled every 100 ms from the start of the warm-up to the end of the last run.\n\n")
                .append("| | |\n| --- | --- |\n")
                .append("| heap cap (`-Xmx`) | ")
                .append(heapMax)
                .append(" |\n")
                .append("| peak heap used (MemoryMXBean) | ")
                .append(AppProcess.mib(memory.heapUsed()))
                .append(" |\n")
                .append("| peak heap committed | ")
                .append(AppProcess.mib(memory.heapCommitted()))
                .append(" |\n")
                .append("| peak heap left after a collection (live data) | ")
                .append(AppProcess.mib(memory.heapAfterGc()))
                .append(" |\n")
                .append("| garbage collections | ")
                .append(memory.gcCount())
                .append(", ")
                .append(String.format(Locale.ROOT, "%.1f s", memory.gcMillis() / 1000.0))
                .append(" in total |\n")
                .append("| peak resident memory of the application's JVM (VmRSS sampled; VmHWM) | ")
                .append(AppProcess.mib(memory.rss()))
                .append("; ")
                .append(AppProcess.mib(memory.rssPeakKernel()))
                .append(" |\n")
                .append("| its PostgreSQL, all processes (PSS at the end) | ")
                .append(AppProcess.mib(postgresPss))
                .append(" |\n")
                .append("| its Elasticsearch (PSS at the end) | ")
                .append(AppProcess.mib(elasticsearchPss))
                .append(" |\n");
        if (appStatements != null) {
            md.append("\n## SQL per submission\n\n")
                    .append("From pg_stat_statements over ")
                    .append(appStatements.operations())
                    .append(" submissions in a row (one thread) after the warm-up; exact counts, unlike the timings. ")
                    .append("Statements sent in one JDBC batch count one each.\n\n")
                    .append("| | statements | commits | server time ms |\n| --- | ---: | ---: | ---: |\n")
                    .append(String.format(
                            Locale.ROOT,
                            "| application | %.1f | %.1f | %.2f |%n",
                            appStatements.statements(),
                            appStatements.commits(),
                            appStatements.serverMillis()))
                    .append(String.format(
                            Locale.ROOT,
                            "| bare engine | %.1f | %.1f | %.2f |%n",
                            bareStatements.statements(),
                            bareStatements.commits(),
                            bareStatements.serverMillis()))
                    .append("\nThe application's statements:\n\n")
                    .append(appStatements.table(40));
        }
        return md.toString();
    }

    /** A fixed number of submissions in a row, and what they cost the database. */
    private static Statements.Summary countStatements(javax.sql.DataSource db, ClosedLoop.Operation operation)
            throws Exception {
        int count = 200;
        Statements.reset(db);
        long commits = Statements.commits(db);
        for (int i = 0; i < count; i++) {
            operation.run(0);
        }
        Thread.sleep(11_000); // idle backends report their counts within ten seconds
        // the two statistics reads of this method are transactions too
        return Statements.perOperation(Statements.read(db), Statements.commits(db) - commits - 2, count);
    }

    private static String errors(Latencies.Summary s) {
        return s.errors() == 0 ? "" : " (" + s.errors() + " failed)";
    }

    private static byte[] multipartBody(String agency) throws IOException {
        String json = """
                {"procedureKey":"chung-thuc-ban-sao","agencyCode":"%s",
                 "applicant":{"name":"Nguyễn Văn Đoàn","identityNumber":"001090012345","phone":"0912345678","email":"doan@example.vn"},
                 "data":{"documentName":"Bằng tốt nghiệp THPT","copyCount":2,"pagesPerCopy":1}}""".formatted(agency);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"dossier\"\r\n"
                        + "Content-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(json.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"ban-chinh\"; filename=\"bang-tot-nghiep.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(PDF);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static void log(String message) {
        System.out.println("[benchmark] " + message);
    }

    private record Row(
            String threads, Latencies.Summary app, Latencies.Summary bare, String loadApp, String loadBare) {}
}
