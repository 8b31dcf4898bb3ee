package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.agency.StaffDirectory;
import vn.motcua.app.testing.Multipart;
import vn.motcua.app.testing.OnlineSubmission;
import vn.motcua.app.testing.TestApplication;
import vn.motcua.app.testing.Uploads;
import vn.motcua.engine.EngineClock;

/**
 * The whole application on its embedded defaults: a real PostgreSQL and a real Elasticsearch started
 * by the application itself, one data folder kept across restarts. A citizen's dossier goes from
 * submission to returned result through the public API and the engine's REST API, as the demo staff.
 * Each test sets up what it needs: its own dossier (for a receiving unit of its own, so each dossier is its
 * unit's first of the day), and its own application where it changes a procedure.
 */
class MotcuaApplicationIT {

    private static final AtomicInteger UNITS = new AtomicInteger();

    /** Shared by the tests that only read, or restart it without changing what it deploys. */
    private static TestApplication app;

    @BeforeAll
    static void start() throws IOException {
        app = startWithProcedures(copyOfTheProcedures());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void healthIsUpWithTheEngineThePostgresqlAndTheElasticsearchItStarted() {
        JsonNode health = get(app, "/actuator/health", null);

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components")
                        .path("elasticsearch")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(health.path("components")
                        .path("processEngine")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void thePublicCatalogueListsTheDeployedProcedures() {
        JsonNode procedures = get(app, "/api/public/procedures", null);

        JsonNode chungThuc = find(procedures, "chung-thuc-ban-sao");
        assertThat(chungThuc.path("nationalCode").asText()).isEqualTo("2.000815");
        assertThat(chungThuc.path("name").asText()).startsWith("Chứng thực bản sao từ bản chính");
        assertThat(chungThuc.path("version").asInt()).isEqualTo(1);
        assertThat(chungThuc.path("timeLimitWorkingDays").asInt()).isZero();
        assertThat(chungThuc.path("timeLimit").path("maxExtensionWorkingDays").asInt())
                .isEqualTo(2);
        assertThat(chungThuc.path("serviceLevel").asText()).isEqualTo("PARTIAL");
        assertThat(chungThuc.path("serviceLevelName").path("vi").asText())
                .isEqualTo("Dịch vụ công trực tuyến một phần");
        assertThat(chungThuc.path("serviceLevelName").path("en").asText()).isEqualTo("Partial online public service");
        JsonNode judicialRecord = find(procedures, "cap-phieu-ly-lich-tu-phap");
        assertThat(judicialRecord.path("timeLimit").path("kind").asText()).isEqualTo("CALENDAR");
        assertThat(judicialRecord.path("timeLimitText").asText()).isEqualTo("10 ngày");
        assertThat(judicialRecord.path("timeLimitWorkingDays").isNull()).isTrue();
        assertThat(judicialRecord.path("agencyLevel").asText()).isEqualTo("POLICE");
        assertThat(judicialRecord.path("legalBasis").get(0).path("number").asText())
                .isEqualTo("28/2009/QH12");
    }

    @Test
    void theOpenApiDescriptionIsPublished() {
        JsonNode api = get(app, "/v3/api-docs", null);

        assertThat(api.path("paths").has("/api/public/dossiers")).isTrue();
        assertThat(api.path("paths").has("/api/public/procedures")).isTrue();
    }

    @Test
    void aDossierGoesFromSubmissionThroughSupplementToItsDownloadableResultAndTheCitizenSeesEachStep()
            throws Exception {
        // The demo agency: no other test of this class submits for it.
        Dossier dossier = returnedAfterASupplement(app, "000.00.99.H99");

        assertThat(dossier.code()).matches("000\\.00\\.99\\.H99-\\d{6}-0001");
        JsonNode view = get(app, "/api/public/dossiers/" + dossier.code(), null);
        assertThat(view.path("status").asInt()).isEqualTo(10);
        assertThat(view.path("statusName").asText()).isEqualTo("Đã trả kết quả");
        assertThat(view.path("timeline").findValuesAsText("status"))
                .containsSubsequence("1", "5", "1", "2", "4", "9", "10");
        assertThat(view.path("timeline").findValuesAsText("message"))
                .as("no free text without the lookup key")
                .isEmpty();
        assertThat(view.has("applicant"))
                .as("no personal data without the lookup key")
                .isFalse();
        assertThat(view.has("procedureKey") || view.has("procedureName") || view.has("agencies"))
                .as("no procedure (a judicial-record request is sensitive) without the lookup key")
                .isFalse();
        JsonNode own = get(app, "/api/public/dossiers/" + dossier.code(), dossier.lookupKey());
        assertThat(own.path("timeline").findValuesAsText("message"))
                .contains("Đề nghị bổ sung hồ sơ: Bản chính có đóng dấu giáp lai");
        assertThat(own.path("procedureKey").asText()).isEqualTo("chung-thuc-ban-sao");
        assertThat(own.path("applicant").path("name").asText()).isEqualTo("Nguyễn Văn Đoàn");
        assertThat(own.path("documents").get(0).path("documentCode").asText()).isEqualTo("ban-chinh");
    }

    @Test
    void theCitizensTrackingPageShowsTheStatusTheTimelineAndWithTheKeyTheirOwnDetails() throws Exception {
        Dossier dossier = returnedAfterASupplement(app, newReceivingUnit(app));
        String url = app.baseUrl() + "/tra-cuu/?ma=" + dossier.code() + "#khoa=" + dossier.lookupKey();

        String page = Chromium.renderedDom(url);

        assertThat(page)
                .contains("Đã trả kết quả")
                .contains(dossier.code())
                .contains("Nguyễn Văn Đoàn")
                .contains("Đề nghị bổ sung hồ sơ: Bản chính có đóng dấu giáp lai")
                .contains("Kết quả: ban-sao-chung-thuc.pdf");
        assertThat(page).as("dates as dd/MM/yyyy HH:mm").containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        String withoutKey = Chromium.renderedDom(app.baseUrl() + "/tra-cuu/?ma=" + dossier.code());
        assertThat(withoutKey).contains("Đã trả kết quả").doesNotContain("Nguyễn Văn Đoàn");
        Chromium.screenshot(url, Path.of("target/screenshots/tra-cuu-phone.png"), 390, 1400);
    }

    @Test
    void aSlipsQrCodeOpensTheTrackingPageWhichListsTheCitizensSlips() throws Exception {
        Dossier dossier = returnedAfterASupplement(app, newReceivingUnit(app));
        JsonNode own = get(app, "/api/public/dossiers/" + dossier.code(), dossier.lookupKey());
        String receiptHref = null;
        for (JsonNode document : own.path("documents")) {
            if (document.path("documentCode").asText().equals("giay-tiep-nhan")) {
                receiptHref = document.path("href").asText();
            }
        }
        assertThat(receiptHref).as("the receipt is the citizen's to download").isNotNull();
        byte[] receipt = app.http()
                .get()
                .uri(receiptHref)
                .header("X-Lookup-Key", dossier.lookupKey())
                .retrieve()
                .body(byte[].class);
        String scanned = vn.motcua.document.QrCodes.read(receipt).orElseThrow();
        // the code names the configured public address (the default here); the test server listens elsewhere
        assertThat(scanned).startsWith("http://localhost:8080/tra-cuu/?ma=" + dossier.code() + "&");

        String page = Chromium.renderedDom(
                scanned.replace("http://localhost:8080", app.baseUrl()) + "#khoa=" + dossier.lookupKey());

        assertThat(page)
                .contains(dossier.code())
                .contains("Phiếu của hồ sơ")
                .contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")
                .contains("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
    }

    @Test
    void theIndicesOf766CountTheFinishedOnlineDossierAndComeOutAsCsvForItsAgencyOnly() throws Exception {
        String unit = newReceivingUnit(app);
        returnedAfterASupplement(app, unit);
        LocalDate today = LocalDate.now(EngineClock.VIETNAM);
        String query = "/api/stats/indices.csv?from=" + today.minusDays(31) + "&to=" + today.plusDays(1);
        String leader = app.http()
                .get()
                .uri(query)
                .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("lanhdao01"))
                .retrieve()
                .body(String.class);
        assertThat(leader)
                .startsWith("\uFEFFagencyCode,agencyName,month,received,receivedOnline,onlineRate,digitised,")
                .contains("\r\n" + unit + ",");
        // The dossier was submitted online and its result file attached: received, online, digitised, result digitised.
        String row = leader.lines()
                .filter(line -> line.startsWith(unit + ","))
                .findFirst()
                .orElseThrow();
        assertThat(row.split(",")).satisfies(cells -> {
            assertThat(Integer.parseInt(cells[3])).as("received").isPositive();
            assertThat(cells[4]).as("online").isEqualTo(cells[3]);
            assertThat(cells[6]).as("digitised").isEqualTo(cells[3]);
            assertThat(Integer.parseInt(cells[12])).as("results digitised").isPositive();
            // Its result was signed (issued electronically); its fee was paid at the desk: paid, none online.
            assertThat(Integer.parseInt(cells[14]))
                    .as("results issued electronically")
                    .isPositive();
            assertThat(Integer.parseInt(cells[16])).as("paid").isPositive();
            assertThat(cells[17]).as("paid online").isEqualTo("0");
            assertThat(cells[18]).as("online-payment rate").isEqualTo("0.0000");
        });
        String clerkB = app.http()
                .get()
                .uri(query)
                .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("tiepnhan02"))
                .retrieve()
                .body(String.class);
        assertThat(clerkB).as("another commune's clerk").doesNotContain(unit);
    }

    @Test
    void aRestartKeepsTheDossierAndDoesNotRedeployAnUnchangedProcedure() throws Exception {
        Dossier dossier = returnedAfterASupplement(app, newReceivingUnit(app));

        app.restart();

        assertThat(find(get(app, "/api/public/procedures", null), "chung-thuc-ban-sao")
                        .path("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(get(app, "/api/public/dossiers/" + dossier.code(), null)
                        .path("status")
                        .asInt())
                .isEqualTo(10);
    }

    @Test
    void aChangedBpmnBecomesANewVersionAtTheNextStart() throws Exception {
        // An application of its own, since the other tests expect version 1; one at a time, as Camunda's engine
        // registry (which the engine's REST API looks its engine up in) holds one engine named "default" per JVM.
        app.stop();
        Path procedures = copyOfTheProcedures();
        TestApplication own = startWithProcedures(procedures);
        try {
            Dossier dossier = returnedAfterASupplement(own, newReceivingUnit(own));
            Path bpmn = procedures.resolve("processes/chung-thuc-ban-sao/chung-thuc-ban-sao.bpmn");
            Files.writeString(
                    bpmn, Files.readString(bpmn).replace("name=\"Trả kết quả\"", "name=\"Trả kết quả cho công dân\""));

            own.restart();

            assertThat(find(get(own, "/api/public/procedures", null), "chung-thuc-ban-sao")
                            .path("version")
                            .asInt())
                    .isEqualTo(2);
            assertThat(get(own, "/api/public/dossiers/" + dossier.code(), null)
                            .path("status")
                            .asInt())
                    .isEqualTo(10);
        } finally {
            own.close();
            app.startAgain();
        }
    }

    private record Dossier(String code, String lookupKey) {}

    /**
     * A dossier for {@code unit} submitted, sent back for a missing document, supplemented, certified, approved (the
     * electronic result produced and signed), a further result file uploaded and downloaded by its owner, and handed
     * over: the statuses checked at each step.
     */
    private static Dossier returnedAfterASupplement(TestApplication app, String unit) throws Exception {
        JsonNode receipt = OnlineSubmission.submit(app, """
                {"procedureKey": "chung-thuc-ban-sao", "agencyCode": "%s",
                 "applicant": {"name": "Nguyễn Văn Đoàn", "identityNumber": "001090012345", "phone": "0912345678",
                               "email": "doan@example.vn"},
                 "data": {"documentName": "Bằng tốt nghiệp THPT", "copyCount": 2, "pagesPerCopy": 1}}""".formatted(unit), "bang-tot-nghiep.pdf");
        String code = receipt.path("code").asText();
        String lookupKey = receipt.path("lookupKey").asText();
        assertThat(code).as("the unit's first dossier of the day").matches(Pattern.quote(unit) + "-\\d{6}-0001");
        assertThat(receipt.path("status").asInt()).isEqualTo(1);
        assertThat(publicStatus(app, code)).isEqualTo(1);

        app.completeTask(
                code,
                "tiepnhan01",
                Map.of("receiptDecision", "supplement", "missingDocuments", "Bản chính có đóng dấu giáp lai"));
        assertThat(publicStatus(app, code)).isEqualTo(5);
        Multipart supplement =
                Multipart.form().file("ban-chinh", "ban-chinh-giap-lai.pdf", "application/pdf", Uploads.minimalPdf());
        ResponseEntity<String> supplemented = app.http()
                .post()
                .uri("/api/public/dossiers/{code}/supplements", code)
                .header("X-Lookup-Key", lookupKey)
                .contentType(supplement.mediaType())
                .body(supplement.bytes())
                .retrieve()
                .toEntity(String.class);
        assertThat(supplemented.getStatusCode().value()).isEqualTo(200);
        assertThat(publicStatus(app, code)).isEqualTo(1);

        app.completeTask(code, "tiepnhan01", Map.of("receiptDecision", "accept"));
        assertThat(publicStatus(app, code)).as("received, the fee asked").isEqualTo(6);
        // what is due is the owner's to see (the keyless view shows no fee)
        JsonNode due = get(app, "/api/public/dossiers/" + code, lookupKey).path("payment");
        ResponseEntity<String> paid = app.http()
                .post()
                .uri("/api/dossiers/{code}/payments/desk", code)
                .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("tiepnhan01"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("amount", due.path("amount").asLong(), "method", "CASH"))
                .retrieve()
                .toEntity(String.class);
        assertThat(paid.getStatusCode().value()).isEqualTo(200);
        assertThat(publicStatus(app, code)).isEqualTo(4);
        app.completeTask(
                code, "chuyenvien01", Map.of("certificationNumber", "15/2026/SCT-BS", "originalMatches", true));
        app.completeTask(code, "lanhdao01", Map.of("approved", true));
        // The result is produced and then signed by the job executor (asynchronous): processed once signed.
        await().atMost(Duration.ofSeconds(60)).until(() -> publicStatus(app, code) == 9);

        byte[] result = Uploads.minimalPdf();
        Multipart resultParts = Multipart.form().file("ket-qua", "ban-sao-chung-thuc.pdf", "application/pdf", result);
        app.http()
                .post()
                .uri("/api/dossiers/{code}/result", code)
                .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("chuyenvien01"))
                .contentType(resultParts.mediaType())
                .body(resultParts.bytes())
                .retrieve()
                .toBodilessEntity();
        JsonNode withResult = get(app, "/api/public/dossiers/" + code, lookupKey);
        String href = null;
        for (JsonNode document : withResult.path("documents")) {
            if (document.path("documentCode").asText().equals("ket-qua")) {
                href = document.path("href").asText();
            }
        }
        assertThat(href).as("the result is listed for its owner").isNotNull();
        byte[] downloaded = app.http()
                .get()
                .uri(href)
                .header("X-Lookup-Key", lookupKey)
                .retrieve()
                .body(byte[].class);
        assertThat(downloaded).isEqualTo(result);
        int wrongKeyStatus = app.http()
                .get()
                .uri(href)
                .header("X-Lookup-Key", "AAAA-BBBB-CCCC-DDDD")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(wrongKeyStatus).isEqualTo(404);

        app.completeTask(code, "tiepnhan01", Map.of("resultReceivedBy", "Nguyễn Văn Đoàn"));
        return new Dossier(code, lookupKey);
    }

    /** A copy of the procedures and their forms, in a folder of its own (a test changes a BPMN there). */
    private static Path copyOfTheProcedures() throws IOException {
        Path procedures = Files.createTempDirectory("motcua-it-procedures-");
        copyClasspathFolder("procedures", procedures.resolve("processes"));
        copyClasspathFolder("forms", procedures.resolve("forms"));
        return procedures;
    }

    /** The application on its embedded defaults, deploying the procedures of {@code procedures}. */
    private static TestApplication startWithProcedures(Path procedures) throws IOException {
        return TestApplication.start(
                "it",
                "--motcua.procedures.location=file:" + procedures.resolve("processes"),
                "--motcua.procedures.forms-location=file:" + procedures.resolve("forms"));
    }

    /**
     * A receiving unit that no dossier has been submitted for yet, where the demo desk clerk, specialist and
     * leader of commune A also work, so they get its tasks.
     */
    private static String newReceivingUnit(TestApplication app) {
        String unit = "000.00.99.T" + String.format("%02d", UNITS.incrementAndGet());
        app.bean(JdbcTemplate.class)
                .update(
                        "insert into agency (code, name, level) values (?, ?, 'COMMUNE')",
                        unit,
                        "Đơn vị thử nghiệm " + unit);
        StaffDirectory staff = app.bean(StaffDirectory.class);
        staff.add("tiepnhan01", unit, StaffRole.DESK_CLERK);
        staff.add("chuyenvien01", unit, StaffRole.SPECIALIST);
        staff.add("lanhdao01", unit, StaffRole.LEADER);
        return unit;
    }

    private static int publicStatus(TestApplication app, String dossierCode) {
        return get(app, "/api/public/dossiers/" + dossierCode, null)
                .path("status")
                .asInt();
    }

    private static JsonNode get(TestApplication app, String path, String lookupKey) {
        return app.http()
                .get()
                .uri(path)
                .headers(h -> {
                    if (lookupKey != null) {
                        h.set("X-Lookup-Key", lookupKey);
                    }
                })
                .retrieve()
                .body(JsonNode.class);
    }

    private static JsonNode find(JsonNode procedures, String key) {
        for (JsonNode p : procedures) {
            if (p.path("key").asText().equals(key)) {
                return p;
            }
        }
        throw new AssertionError("No procedure " + key + " in " + procedures);
    }

    private static void copyClasspathFolder(String folder, Path target) throws IOException {
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/**/*.*")) {
            String url = resource.getURL().toString();
            Path file = target.resolve(url.substring(url.lastIndexOf("/" + folder + "/") + folder.length() + 2));
            Files.createDirectories(file.getParent());
            try (InputStream in = resource.getInputStream()) {
                Files.write(file, in.readAllBytes());
            }
        }
    }
}
