package vn.motcua.app.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.app.MotcuaApplication;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.DossierSubmission.NewDossier;
import vn.motcua.fee.FeeQuote;
import vn.motcua.fee.FeeQuotes;
import vn.motcua.payment.Confirmation;
import vn.motcua.payment.DeskPayment;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.Payments;

/**
 * Fees: quotes per second and their p95 (through {@link FeeQuotes}, and through {@code POST
 * /api/public/procedures/{key}/fee-quote}), a check that the fee decision is parsed once per deployment (the engine's
 * deployment cache holds it, and {@link FeeQuotes} looks its id up once), and what the payment step costs in a
 * dossier's life: the receipt that asks for the fee, the desk payment that moves the dossier on, against a receipt
 * with nothing due. The application runs in this JVM on its embedded PostgreSQL and Elasticsearch. Not a test: run it
 * on demand (docs/benchmarks.md); it writes docs/benchmarks/fees.md.
 */
class FeeBenchmark {

    private static final String AGENCY = "000.00.99.H99";

    private final int[] threadCounts = Arrays.stream(
                    System.getProperty("benchmark.threads", "1,2").split(","))
            .mapToInt(t -> Integer.parseInt(t.trim()))
            .toArray();
    private final Duration warmUp = Duration.ofSeconds(Long.getLong("benchmark.warm-up-seconds", 10));
    private final Duration measure = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
    private final int dossiers = Integer.getInteger("benchmark.dossiers", 200);

    @Test
    void feeQuotesAndThePaymentStep() throws Exception {
        String startedAt = Machine.loadAverage();
        String othersAtStart = Machine.otherWork();
        Path root = Reports.scratch("motcua-bench-fees-");
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplicationBuilder(MotcuaApplication.class)
                    .run("--server.port=0", "--motcua.data-dir=" + root.resolve("data"));
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            FeeQuotes quotes = app.getBean(FeeQuotes.class);
            Map<String, Object> data =
                    Map.of("documentName", "Bằng tốt nghiệp THPT", "copyCount", 3, "pagesPerCopy", 5);
            FeeQuote expected = quotes.quote("chung-thuc-ban-sao", data);
            if (expected.amount() != 21_000) {
                throw new IllegalStateException("3 copies of 5 pages cost 21.000 đ, not " + expected.amount());
            }
            String cache = decisionCache(app);

            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpRequest quoteRequest = HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + port + "/api/public/procedures/chung-thuc-ban-sao/fee-quote"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"data\": {\"documentName\": \"Bằng tốt nghiệp THPT\", \"copyCount\": 3,"
                                    + " \"pagesPerCopy\": 5}}"))
                    .build();
            ClosedLoop.Operation service = thread -> {
                if (quotes.quote("chung-thuc-ban-sao", data).amount() != 21_000) {
                    throw new IllegalStateException("wrong quote");
                }
            };
            ClosedLoop.Operation endpoint = thread -> {
                HttpResponse<String> response = http.send(quoteRequest, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("\"amount\":21000")) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
            };
            List<String> quoteRows = new ArrayList<>();
            for (int threads : threadCounts) {
                for (var entry :
                        List.of(Map.entry("FeeQuotes.quote", service), Map.entry("POST …/fee-quote", endpoint))) {
                    ClosedLoop.run(threads, warmUp, entry.getValue());
                    String load = Machine.load1();
                    Latencies.Summary s = ClosedLoop.run(threads, measure, entry.getValue());
                    quoteRows.add(String.format(
                            Locale.ROOT,
                            "| %s | %d | %d | %s | %s | %s | %s | %d | %s |",
                            entry.getKey(),
                            threads,
                            s.count(),
                            s.rate(),
                            s.p50ms(),
                            s.p95ms(),
                            s.p99ms(),
                            s.errors(),
                            load));
                }
            }

            String stepLoad = Machine.load1();
            StepCost step = paymentStep(app);

            String markdown = String.join(
                    "\n",
                    "# Fee benchmark",
                    "",
                    "Written by `FeeBenchmark` (docs/benchmarks.md). The application runs in the benchmark's JVM on"
                            + " its embedded PostgreSQL and Elasticsearch (demo agencies). A quote is the fee of"
                            + " *Chứng thực bản sao* for 3 copies of 5 pages (21.000 đ): the start form's check of"
                            + " the data, then the fee table (DMN) of the latest version. Closed loop: warm-up "
                            + warmUp.toSeconds() + " s, then " + measure.toSeconds() + " s per row.",
                    "",
                    "## Machine",
                    "",
                    Machine.facts(),
                    "",
                    "Load average at start: " + startedAt + ". Other work at start: " + othersAtStart + ".",
                    "",
                    "## Fee quotes",
                    "",
                    "| path | threads | quotes | quotes/s | p50 ms | p95 ms | p99 ms | errors | load (1 min) |",
                    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
                    String.join("\n", quoteRows),
                    "",
                    "## The decision is cached per deployment",
                    "",
                    cache,
                    "",
                    "## The payment step in a dossier's life",
                    "",
                    step.dossiers + " dossiers of each kind, one after another, through the application's services"
                            + " (HTTP left out). Load (1 min) when it started: " + stepLoad + ".",
                    "",
                    "| step | what runs | p50 ms | p95 ms | max ms |",
                    "| --- | --- | --- | --- | --- |",
                    "| receipt, fee due (chứng thực) | receipt task completed: status 2, fee table evaluated, payment"
                            + " request stored, status 6, SMS and e-mail queued; waits for the payment | "
                            + step.requested.p50ms() + " | " + step.requested.p95ms() + " | "
                            + step.requested.maxMs() + " |",
                    "| desk payment (chứng thực) | `Payments.recordAtDesk`: request locked and paid, receipt numbered,"
                            + " timeline, message correlated, processing starts (status 4, specialist's task) | "
                            + step.paid.p50ms() + " | " + step.paid.p95ms() + " | " + step.paid.maxMs() + " |",
                    "| receipt, nothing due (khai sinh on time) | receipt task completed: status 2, fee table evaluated"
                            + " (0 đ), processing starts directly | "
                            + step.free.p50ms() + " | " + step.free.p95ms() + " | " + step.free.maxMs() + " |",
                    "",
                    String.format(
                            Locale.ROOT,
                            "The payment step adds about %.1f ms of server time to a dossier that owes a fee (receipt"
                                    + " with the request plus the payment, minus a receipt that goes straight to"
                                    + " processing, at the median), beside the citizen's own time to pay, which"
                                    + " the deadline clock does not count.",
                            (step.requested.p50() + step.paid.p50() - step.free.p50()) / 1e6),
                    "",
                    "Load average at end: " + Machine.loadAverage() + ".",
                    "");
            Reports.write(Reports.file("fees.md"), markdown);
        } finally {
            if (app != null) {
                app.close();
            }
            Reports.delete(root);
        }
    }

    /** Whether the engine's deployment cache holds the fee decision after a quote, and the cold and warm quote. */
    private static String decisionCache(ConfigurableApplicationContext app) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                app.getBean(ProcessEngine.class).getProcessEngineConfiguration();
        RepositoryService repository = app.getBean(RepositoryService.class);
        DecisionDefinition decision = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(FeeQuotes.decisionKey("chung-thuc-ban-sao"))
                .latestVersion()
                .singleResult();
        boolean cached =
                configuration.getDeploymentCache().getDecisionDefinitionCache().get(decision.getId()) != null;
        if (!cached) {
            throw new IllegalStateException("The fee decision " + decision.getId() + " is not in the deployment cache");
        }
        return "After the first quote the engine's deployment cache holds the parsed decision `" + decision.getId()
                + "` (checked by the benchmark: it stops if not), so each later quote evaluates the parsed table"
                + " without reading or parsing the DMN again; `FeeQuotes` looks the decision's id up once per"
                + " deployment and keeps it (a deployment never changes). A new version of the procedure is a new"
                + " deployment, with its own entry.";
    }

    private record StepCost(
            int dossiers, Latencies.Summary requested, Latencies.Summary paid, Latencies.Summary free) {}

    private StepCost paymentStep(ConfigurableApplicationContext app) {
        DossierSubmission submission = app.getBean(DossierSubmission.class);
        TaskService tasks = app.getBean(TaskService.class);
        Payments payments = app.getBean(Payments.class);
        Latencies requested = new Latencies();
        Latencies paid = new Latencies();
        Latencies free = new Latencies();
        // Warm-up of both paths, then the measured dossiers.
        for (int i = 0; i < dossiers + 5; i++) {
            boolean measured = i >= 5;
            Dossier copies = submission
                    .submit(dossier("chung-thuc-ban-sao", copiesData(), "ban-chinh"))
                    .dossier();
            long t0 = System.nanoTime();
            tasks.complete(receiptTask(tasks, copies), Map.of("receiptDecision", "accept"));
            long t1 = System.nanoTime();
            Payment request = payments.openRequest(copies.code()).orElseThrow();
            long t2 = System.nanoTime();
            Confirmation confirmation = payments.recordAtDesk(
                    copies.code(), new DeskPayment(request.amount(), PaymentMethod.DESK_CASH, "tiepnhan01"));
            long t3 = System.nanoTime();
            if (confirmation.outcome() != Confirmation.Outcome.CONFIRMED) {
                throw new IllegalStateException("desk payment " + confirmation.outcome());
            }
            Dossier birth = submission
                    .submit(dossier("dang-ky-khai-sinh", birthData(), "giay-chung-sinh"))
                    .dossier();
            long t4 = System.nanoTime();
            tasks.complete(receiptTask(tasks, birth), Map.of("receiptDecision", "accept", "registeredOnTime", true));
            long t5 = System.nanoTime();
            if (payments.openRequest(birth.code()).isPresent()) {
                throw new IllegalStateException("a birth registered on time owes nothing");
            }
            if (measured) {
                requested.add(t1 - t0);
                paid.add(t3 - t2);
                free.add(t5 - t4);
            }
        }
        return new StepCost(dossiers, requested.summary(1), paid.summary(1), free.summary(1));
    }

    private static String receiptTask(TaskService tasks, Dossier dossier) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(dossier.code())
                .taskDefinitionKey("UserTask_ReceiveDossier")
                .singleResult()
                .getId();
    }

    private static NewDossier dossier(String procedure, Map<String, Object> data, String documentCode) {
        return new NewDossier(
                procedure,
                new Applicant(
                        "Nguyễn Văn Đoàn",
                        "001090012345",
                        LocalDate.of(1990, 5, 17),
                        "0912345678",
                        "doan@example.vn",
                        null),
                AGENCY,
                null,
                null,
                Channel.DESK,
                data,
                List.of(new DocumentFile(documentCode, "giay-to.pdf", "application/pdf", pdf())),
                "tiepnhan01");
    }

    private static Map<String, Object> copiesData() {
        return Map.of("documentName", "Bằng tốt nghiệp THPT", "copyCount", 2, "pagesPerCopy", 1);
    }

    private static Map<String, Object> birthData() {
        Map<String, Object> data = new HashMap<>();
        data.put("childFullName", "Nguyễn Minh An");
        data.put("childSex", "nam");
        data.put("childBirthDate", LocalDate.now().minusDays(10).toString());
        data.put("childBirthPlace", "Trạm Y tế xã");
        data.put("childEthnicity", "Kinh");
        data.put("childNationality", "Việt Nam");
        data.put("childHometown", "Xã Xuân Đài");
        data.put("motherFullName", "Lê Thị Mai");
        data.put("motherBirthYear", 1995);
        data.put("motherIdentityNumber", "001195012345");
        data.put("motherEthnicity", "Kinh");
        data.put("motherNationality", "Việt Nam");
        data.put("motherResidence", "Thôn Đoài");
        data.put("fatherDeclared", false);
        data.put("registrantRelationship", "me");
        data.put("extractCopies", 1);
        return data;
    }

    /** A one-page PDF that opens (uploads are parsed, not trusted). */
    private static byte[] pdf() {
        return vn.motcua.app.signature.TestPdfs.blankPage();
    }
}
