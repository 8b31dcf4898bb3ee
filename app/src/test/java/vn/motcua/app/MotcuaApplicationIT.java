package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;
import vn.motcua.engine.EngineClock;

/**
 * The whole application on its embedded defaults: a real PostgreSQL and a real Elasticsearch started
 * by the application itself, one data folder kept across restarts. A citizen's dossier goes from
 * submission to returned result through the public API and the engine's REST API, as the demo staff.
 */
@TestMethodOrder(OrderAnnotation.class)
class MotcuaApplicationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dataDir;
    private static Path proceduresDir;
    private static ConfigurableApplicationContext app;
    private static RestClient http;
    private static String dossierCode;
    private static String lookupKey;

    @BeforeAll
    static void start() throws IOException {
        Path root = Files.createTempDirectory("motcua-it-");
        root.toFile().setExecutable(true, false);
        dataDir = root.resolve("data");
        proceduresDir = root.resolve("procedures");
        copyClasspathFolder("procedures", proceduresDir.resolve("processes"));
        copyClasspathFolder("forms", proceduresDir.resolve("forms"));
        startApplication();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void healthIsUpWithTheEngineThePostgresqlAndTheElasticsearchItStarted() {
        JsonNode health = get("/actuator/health", null);

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
    @Order(2)
    void thePublicCatalogueListsTheDeployedProcedures() {
        JsonNode procedures = get("/api/public/procedures", null);

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
    @Order(3)
    void theOpenApiDescriptionIsPublished() {
        JsonNode api = get("/v3/api-docs", null);

        assertThat(api.path("paths").has("/api/public/dossiers")).isTrue();
        assertThat(api.path("paths").has("/api/public/procedures")).isTrue();
    }

    @Test
    @Order(4)
    void aDossierGoesFromSubmissionThroughSupplementToItsDownloadableResultAndTheCitizenSeesEachStep()
            throws IOException {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part(
                "dossier",
                Map.of(
                        "procedureKey",
                        "chung-thuc-ban-sao",
                        "agencyCode",
                        "000.00.99.H99",
                        "applicant",
                        Map.of(
                                "name",
                                "Nguyễn Văn Đoàn",
                                "identityNumber",
                                "001090012345",
                                "phone",
                                "0912345678",
                                "email",
                                "doan@example.vn"),
                        "data",
                        Map.of("documentName", "Bằng tốt nghiệp THPT", "copyCount", 2, "pagesPerCopy", 1)),
                MediaType.APPLICATION_JSON);
        parts.part("ban-chinh", file("bang-tot-nghiep.pdf", pdf()), MediaType.APPLICATION_PDF);
        ResponseEntity<String> created = http.post()
                .uri("/api/public/dossiers")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build())
                .retrieve()
                .toEntity(String.class);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(created.getBody());
        dossierCode = receipt.path("code").asText();
        lookupKey = receipt.path("lookupKey").asText();
        assertThat(dossierCode).matches("000\\.00\\.99\\.H99-\\d{6}-0001");
        assertThat(receipt.path("status").asInt()).isEqualTo(1);
        assertThat(publicStatus()).isEqualTo(1);

        completeTask(
                "tiepnhan01",
                Map.of("receiptDecision", "supplement", "missingDocuments", "Bản chính có đóng dấu giáp lai"));
        assertThat(publicStatus()).isEqualTo(5);
        MultipartBodyBuilder supplement = new MultipartBodyBuilder();
        supplement.part("ban-chinh", file("ban-chinh-giap-lai.pdf", pdf()), MediaType.APPLICATION_PDF);
        ResponseEntity<String> supplemented = http.post()
                .uri("/api/public/dossiers/{code}/supplements", dossierCode)
                .header("X-Lookup-Key", lookupKey)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(supplement.build())
                .retrieve()
                .toEntity(String.class);
        assertThat(supplemented.getStatusCode().value()).isEqualTo(200);
        assertThat(publicStatus()).isEqualTo(1);

        completeTask("tiepnhan01", Map.of("receiptDecision", "accept"));
        assertThat(publicStatus()).isEqualTo(4);
        completeTask("chuyenvien01", Map.of("certificationNumber", "15/2026/SCT-BS", "originalMatches", true));
        completeTask("lanhdao01", Map.of("approved", true));
        assertThat(publicStatus()).isEqualTo(9);

        byte[] result = "%PDF-1.4\n% ban sao da chung thuc\n%%EOF\n".getBytes();
        MultipartBodyBuilder resultParts = new MultipartBodyBuilder();
        resultParts.part("ket-qua", file("ban-sao-chung-thuc.pdf", result), MediaType.APPLICATION_PDF);
        http.post()
                .uri("/api/dossiers/{code}/result", dossierCode)
                .header(HttpHeaders.AUTHORIZATION, basic("chuyenvien01"))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(resultParts.build())
                .retrieve()
                .toBodilessEntity();
        JsonNode withResult = get("/api/public/dossiers/" + dossierCode, lookupKey);
        String href = null;
        for (JsonNode document : withResult.path("documents")) {
            if (document.path("documentCode").asText().equals("ket-qua")) {
                href = document.path("href").asText();
            }
        }
        assertThat(href).as("the result is listed for its owner").isNotNull();
        byte[] downloaded = http.get()
                .uri(href)
                .header("X-Lookup-Key", lookupKey)
                .retrieve()
                .body(byte[].class);
        assertThat(downloaded).isEqualTo(result);
        int wrongKeyStatus = http.get()
                .uri(href)
                .header("X-Lookup-Key", "AAAA-BBBB-CCCC-DDDD")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(wrongKeyStatus).isEqualTo(404);

        completeTask("tiepnhan01", Map.of("resultReceivedBy", "Nguyễn Văn Đoàn"));

        JsonNode view = get("/api/public/dossiers/" + dossierCode, null);
        assertThat(view.path("status").asInt()).isEqualTo(10);
        assertThat(view.path("statusName").asText()).isEqualTo("Đã trả kết quả");
        assertThat(view.path("timeline").findValuesAsText("status"))
                .containsSubsequence("1", "5", "1", "2", "4", "9", "10");
        assertThat(view.path("timeline").findValuesAsText("message"))
                .contains("Đề nghị bổ sung hồ sơ: Bản chính có đóng dấu giáp lai");
        assertThat(view.has("applicant"))
                .as("no personal data without the lookup key")
                .isFalse();
        JsonNode own = get("/api/public/dossiers/" + dossierCode, lookupKey);
        assertThat(own.path("applicant").path("name").asText()).isEqualTo("Nguyễn Văn Đoàn");
        assertThat(own.path("documents").get(0).path("documentCode").asText()).isEqualTo("ban-chinh");
    }

    @Test
    @Order(5)
    void theCitizensTrackingPageShowsTheStatusTheTimelineAndWithTheKeyTheirOwnDetails() throws Exception {
        String url = baseUrl() + "/tra-cuu/?ma=" + dossierCode + "#khoa=" + lookupKey;

        String page = Chromium.renderedDom(url);

        assertThat(page)
                .contains("Đã trả kết quả")
                .contains(dossierCode)
                .contains("Nguyễn Văn Đoàn")
                .contains("Đề nghị bổ sung hồ sơ: Bản chính có đóng dấu giáp lai")
                .contains("Kết quả: ban-sao-chung-thuc.pdf");
        assertThat(page).as("dates as dd/MM/yyyy HH:mm").containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        String withoutKey = Chromium.renderedDom(baseUrl() + "/tra-cuu/?ma=" + dossierCode);
        assertThat(withoutKey).contains("Đã trả kết quả").doesNotContain("Nguyễn Văn Đoàn");
        Chromium.screenshot(url, Path.of("target/screenshots/tra-cuu-phone.png"), 390, 1400);
    }

    @Test
    @Order(5)
    void theIndicesOf766CountTheFinishedOnlineDossierAndComeOutAsCsvForItsAgencyOnly() {
        LocalDate today = LocalDate.now(EngineClock.VIETNAM);
        String query = "/api/stats/indices.csv?from=" + today.minusDays(31) + "&to=" + today.plusDays(1);
        String leaderA = http.get()
                .uri(query)
                .header(HttpHeaders.AUTHORIZATION, basic("lanhdao01"))
                .retrieve()
                .body(String.class);
        assertThat(leaderA)
                .startsWith("\uFEFFagencyCode,agencyName,month,received,receivedOnline,onlineRate,digitised,")
                .contains("\r\n000.00.99.H99,");
        // The dossier was submitted online and its result file attached: received, online, digitised, result digitised.
        String row = leaderA.lines()
                .filter(line -> line.startsWith("000.00.99.H99,"))
                .findFirst()
                .orElseThrow();
        assertThat(row.split(",")).satisfies(cells -> {
            assertThat(Integer.parseInt(cells[3])).as("received").isPositive();
            assertThat(cells[4]).as("online").isEqualTo(cells[3]);
            assertThat(cells[6]).as("digitised").isEqualTo(cells[3]);
            assertThat(Integer.parseInt(cells[12])).as("results digitised").isPositive();
        });
        String clerkB = http.get()
                .uri(query)
                .header(HttpHeaders.AUTHORIZATION, basic("tiepnhan02"))
                .retrieve()
                .body(String.class);
        assertThat(clerkB).as("another commune's clerk").doesNotContain("000.00.99.H99");
    }

    @Test
    @Order(6)
    void aRestartKeepsTheDossierAndDoesNotRedeployAnUnchangedProcedure() {
        restartApplication();

        assertThat(find(get("/api/public/procedures", null), "chung-thuc-ban-sao")
                        .path("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(get("/api/public/dossiers/" + dossierCode, null)
                        .path("status")
                        .asInt())
                .isEqualTo(10);
    }

    @Test
    @Order(7)
    void aChangedBpmnBecomesANewVersionAtTheNextStart() throws IOException {
        Path bpmn = proceduresDir.resolve("processes/chung-thuc-ban-sao/chung-thuc-ban-sao.bpmn");
        Files.writeString(
                bpmn, Files.readString(bpmn).replace("name=\"Trả kết quả\"", "name=\"Trả kết quả cho công dân\""));

        restartApplication();

        assertThat(find(get("/api/public/procedures", null), "chung-thuc-ban-sao")
                        .path("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(get("/api/public/dossiers/" + dossierCode, null)
                        .path("status")
                        .asInt())
                .isEqualTo(10);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes());
    }

    private static void completeTask(String user, Map<String, Object> values) {
        RestClient engine = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, basic(user))
                .build();
        JsonNode tasks = engine.get()
                .uri("/engine-rest/task?processInstanceBusinessKey={code}&firstResult=0&maxResults=10", dossierCode)
                .retrieve()
                .body(JsonNode.class);
        assertThat(tasks).as("open tasks %s can see", user).hasSize(1);
        String taskId = tasks.get(0).path("id").asText();
        engine.post()
                .uri("/engine-rest/task/{id}/claim", taskId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", user))
                .retrieve()
                .toBodilessEntity();
        Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        engine.post()
                .uri("/engine-rest/task/{id}/complete", taskId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", variables))
                .retrieve()
                .toBodilessEntity();
    }

    private static int publicStatus() {
        return get("/api/public/dossiers/" + dossierCode, null).path("status").asInt();
    }

    private static JsonNode get(String path, String lookupKey) {
        return http.get()
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

    private static void restartApplication() {
        app.close();
        startApplication();
    }

    private static void startApplication() {
        app = new SpringApplicationBuilder(MotcuaApplication.class)
                .run(
                        "--server.port=0",
                        "--motcua.data-dir=" + dataDir,
                        "--motcua.procedures.location=file:" + proceduresDir.resolve("processes"),
                        "--motcua.procedures.forms-location=file:" + proceduresDir.resolve("forms"));
        http = RestClient.builder().baseUrl(baseUrl()).build();
    }

    private static String baseUrl() {
        return "http://localhost:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
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

    private static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes();
    }
}
