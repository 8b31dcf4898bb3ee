package vn.motcua.app.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;
import vn.motcua.app.signature.TestPdfs;
import vn.motcua.app.testing.TestApplication;
import vn.motcua.dossier.DocumentProperties;

/**
 * "Done when" of issue 12 on the real application (embedded PostgreSQL and Elasticsearch, the job executor on): a
 * full-online dossier ends with a signed PDF result the citizen downloads with the lookup key, that pdfsig reports
 * valid and the public verifier recognises; the desk prints the same file; a tampered copy and an unsigned PDF are
 * told apart; a signing failure (the agency's keystore unreadable) leaves an incident and the dossier unreturned,
 * and a retry after the fix signs it.
 */
class ElectronicResultIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENCY = "000.00.99.H99";

    private static TestApplication app;
    private static RestClient http;

    @BeforeAll
    static void start() throws IOException {
        app = TestApplication.start("result-it");
        http = app.http();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** The certified copy's fee, taken at the counter as the receiving clerk would (the payment step waits for it). */
    private static void payAtDesk(String code) {
        vn.motcua.payment.Payments payments = app.bean(vn.motcua.payment.Payments.class);
        long amount = payments.openRequest(code).orElseThrow().amount();
        assertThat(payments.recordAtDesk(
                                code,
                                new vn.motcua.payment.DeskPayment(
                                        amount, vn.motcua.payment.PaymentMethod.DESK_CASH, "tiepnhan01"))
                        .outcome())
                .isEqualTo(vn.motcua.payment.Confirmation.Outcome.CONFIRMED);
    }

    @Test
    void aFullOnlineDossierEndsWithASignedResultTheCitizenDownloadsAndAnyoneVerifies() throws IOException {
        Submitted dossier = submit("Nguyễn Thị Hồng Nhung", "001190054321");
        app.completeTask(dossier.code(), "tiepnhan01", Map.of("receiptDecision", "accept"));
        payAtDesk(dossier.code());
        app.completeTask(
                dossier.code(),
                "chuyenvien01",
                Map.of("certificationNumber", "88/2026/SCT-BS", "originalMatches", true));

        assertThat(resultStatus(dossier.code(), dossier.lookupKey()))
                .as("nothing issued before approval")
                .isEqualTo(409);
        app.completeTask(dossier.code(), "lanhdao01", Map.of("approved", true));
        await().atMost(Duration.ofSeconds(90)).until(() -> publicStatus(dossier.code()) == 9);

        ResponseEntity<byte[]> download = http.get()
                .uri("/api/public/dossiers/{code}/result", dossier.code())
                .header("X-Lookup-Key", dossier.lookupKey())
                .retrieve()
                .toEntity(byte[].class);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment");
        byte[] result = download.getBody();

        String text = poppler("pdftotext", result, "-enc", "UTF-8", "-layout");
        assertThat(text)
                .contains("LỜI CHỨNG CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH")
                .contains("Giấy tờ, văn bản được chứng thực: Bằng tốt nghiệp THPT")
                .contains("Người yêu cầu chứng thực: Nguyễn Thị Hồng Nhung")
                .contains("Người ký: Lê Minh Cường") // lanhdao01, who approved, signs personally
                .contains("Số chứng thực: 88/2026/SCT-BS")
                .contains("Ký số bởi: UBND xã Một Cửa Mẫu")
                .contains("CHỮ KÝ THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ");
        String pdfsig = poppler("pdfsig", result);
        assertThat(pdfsig.split("Signature is Valid\\.", -1)).as(pdfsig).hasSize(3); // the leader's and the agency's
        assertThat(pdfsig).contains("Total document signed");

        JsonNode verified = verify(result, "ket-qua.pdf");
        assertThat(verified.path("signed").asBoolean()).isTrue();
        assertThat(verified.path("valid").asBoolean()).as("%s", verified).isTrue();
        assertThat(verified.path("signatures")).hasSize(2);
        assertThat(verified.path("signatures").get(1).path("dossierCode").asText())
                .isEqualTo(dossier.code());
        assertThat(verified.path("signatures").get(1).path("signer").asText()).isEqualTo("UBND xã Một Cửa Mẫu");

        byte[] tampered = TestPdfs.tampered(result, dossier.code());
        assertThat(verify(tampered, "sua.pdf").path("valid").asBoolean()).isFalse();
        assertThat(poppler("pdfsig", tampered)).contains("Digest Mismatch");
        byte[] unsigned = TestPdfs.result(app.bean(DocumentProperties.class));
        assertThat(verify(unsigned, "chua-ky.pdf").path("signed").asBoolean()).isFalse();

        // The lookup key guards it; the desk of the return agency prints the same file; another commune may not.
        assertThat(resultStatus(dossier.code(), "AAAA-BBBB-CCCC-DDDD")).isEqualTo(404);
        assertThat(resultStatus(dossier.code(), null)).isEqualTo(404);
        ResponseEntity<byte[]> printed = http.get()
                .uri("/api/dossiers/{code}/result?print=true", dossier.code())
                .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("tiepnhan01"))
                .retrieve()
                .toEntity(byte[].class);
        assertThat(printed.getBody()).isEqualTo(result);
        assertThat(printed.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("inline");
        int otherCommune = http.get()
                .uri("/api/dossiers/{code}/result", dossier.code())
                .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("tiepnhan02"))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(otherCommune).isEqualTo(403);

        app.completeTask(dossier.code(), "tiepnhan01", Map.of("resultReceivedBy", "Nguyễn Thị Hồng Nhung"));
        assertThat(publicStatus(dossier.code())).isEqualTo(10);
        JsonNode indices = http.get()
                .uri(
                        "/api/stats/indices?from={from}&to={to}",
                        LocalDate.now().minusDays(1),
                        LocalDate.now().plusDays(1))
                .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("lanhdao01"))
                .retrieve()
                .body(JsonNode.class);
        JsonNode row = null;
        for (JsonNode r : indices) {
            if (r.path("agencyCode").asText().equals(AGENCY)
                    && r.path("finished").asInt() > 0) {
                row = r;
            }
        }
        assertThat(row).as("the commune's row in %s", indices).isNotNull();
        assertThat(row.path("resultsElectronic").asInt()).isPositive();
    }

    @Test
    void aResultChosenElectronicallyIsReturnedOnceSignedWithoutTheDeskAndTheCitizenIsTold() throws IOException {
        Submitted dossier = submitBirthRegistrationOnline();
        app.completeTask(dossier.code(), "tiepnhan01", Map.of("receiptDecision", "accept", "registeredOnTime", true));
        app.completeTask(
                dossier.code(),
                "chuyenvien01",
                Map.of(
                        "informationVerified",
                        true,
                        "personalIdentificationNumber",
                        "001226000123",
                        "registerEntry",
                        "Số 126, Quyển 01/2026"));
        app.completeTask(dossier.code(), "lanhdao01", Map.of("approved", true));

        // Signed asynchronously, processed (9), then returned electronically (10) with no desk step.
        await().atMost(Duration.ofSeconds(90)).until(() -> publicStatus(dossier.code()) == 10);
        var jdbc = app.bean(org.springframework.jdbc.core.JdbcTemplate.class);
        Map<String, Object> row = jdbc.queryForMap(
                "select internal_step, returned_at, finished_at, result_issued_electronically_at from dossier"
                        + " where code = ?",
                dossier.code());
        assertThat(row.get("internal_step")).isEqualTo("result-returned-online");
        assertThat((java.sql.Timestamp) row.get("returned_at"))
                .as("returned after it was signed")
                .isAfterOrEqualTo((java.sql.Timestamp) row.get("result_issued_electronically_at"));
        assertThat(row.get("finished_at")).isNotNull();
        assertThat(app.bean(org.camunda.bpm.engine.TaskService.class)
                        .createTaskQuery()
                        .processInstanceBusinessKey(dossier.code())
                        .count())
                .as("no task is left for the desk")
                .isZero();
        assertThat(app.bean(org.camunda.bpm.engine.HistoryService.class)
                        .createHistoricActivityInstanceQuery()
                        .activityId("UserTask_ReturnResult")
                        .processInstanceId(historicInstanceId(dossier.code()))
                        .count())
                .isZero();

        // The citizen is told to download it, and can, with the lookup key.
        List<String> sms = jdbc.queryForList(
                "select payload from outbox where aggregate_id = ? and topic = 'sms' order by id",
                String.class,
                dossier.code());
        assertThat(sms).anySatisfy(text -> assertThat(text).contains("da tra ket qua dien tu da ky so"));
        assertThat(resultStatus(dossier.code(), dossier.lookupKey())).isEqualTo(200);
        assertThat(poppler(
                        "pdfsig",
                        http.get()
                                .uri("/api/public/dossiers/{code}/result", dossier.code())
                                .header("X-Lookup-Key", dossier.lookupKey())
                                .retrieve()
                                .body(byte[].class)))
                .contains("Signature is Valid.");
    }

    @Test
    void aSigningFailureLeavesAnIncidentAndNoReturnUntilRetriedAfterTheFix() throws IOException {
        Submitted dossier = submit("Trần Văn Khoa", "001088011223");
        app.completeTask(dossier.code(), "tiepnhan01", Map.of("receiptDecision", "accept"));
        payAtDesk(dossier.code());
        app.completeTask(
                dossier.code(),
                "chuyenvien01",
                Map.of("certificationNumber", "89/2026/SCT-BS", "originalMatches", true));
        // The agency's key exists (issued by the test CA at the first signature, or now): make it unreadable.
        Path keystore = app.dataDir().resolve("signing").resolve(AGENCY + ".p12");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(app.dataDir().resolve("signing")));
        byte[] good = Files.exists(keystore) ? Files.readAllBytes(keystore) : null;
        Files.write(keystore, new byte[] {1, 2, 3});
        try {
            app.completeTask(dossier.code(), "lanhdao01", Map.of("approved", true));
            ManagementService management = app.bean(ManagementService.class);
            String instance = processInstanceId(dossier.code());
            // The job executor's first attempt fails; the next two come 5 minutes apart (R3/PT5M): run them now.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> signingJob(management, instance).getExceptionMessage() != null);
            // The desk sees on the dossier page why it stands still, and that the engine tries again by itself.
            assertThat(clerkPage(dossier.code()))
                    .contains("Sự cố khi xử lý", "Ký số kết quả", "Hệ thống sẽ tự thử lại", AGENCY);
            while (signingJob(management, instance).getRetries() > 0) {
                String id = signingJob(management, instance).getId();
                try {
                    management.executeJob(id);
                } catch (RuntimeException expected) {
                    assertThat(expected).hasMessageContaining("signing key of agency " + AGENCY);
                }
            }
            Incident incident = app.bean(org.camunda.bpm.engine.RuntimeService.class)
                    .createIncidentQuery()
                    .processInstanceId(instance)
                    .singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getActivityId()).isEqualTo("ServiceTask_SignResult");
            assertThat(incident.getIncidentMessage()).contains(AGENCY);
            assertThat(publicStatus(dossier.code()))
                    .as("not processed, not returned")
                    .isEqualTo(4);
            assertThat(resultStatus(dossier.code(), dossier.lookupKey())).isEqualTo(409);
            assertThat(clerkPage(dossier.code()))
                    .contains("Sự cố khi xử lý", "Ký số kết quả", "Đã dừng", AGENCY)
                    .doesNotContain("Hệ thống sẽ tự thử lại");

            // The fix, then the operator's retry through the engine's REST API (Cockpit does the same).
            if (good != null) {
                Files.write(keystore, good);
            } else {
                Files.delete(keystore); // the test CA issues a new one
            }
            http.put()
                    .uri(
                            "/engine-rest/job/{id}/retries",
                            signingJob(management, instance).getId())
                    .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("quantri01"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("retries", 1))
                    .retrieve()
                    .toBodilessEntity();
            // The failed attempt put the next one 5 minutes ahead (R3/PT5M): due now, as Cockpit's retry offers.
            http.put()
                    .uri(
                            "/engine-rest/job/{id}/duedate",
                            signingJob(management, instance).getId())
                    .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("quantri01"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "duedate",
                            java.time.OffsetDateTime.now()
                                    .minusMinutes(1)
                                    .format(java.time.format.DateTimeFormatter.ofPattern(
                                            "yyyy-MM-dd'T'HH:mm:ss.SSSZ"))))
                    .retrieve()
                    .toBodilessEntity();
            await().atMost(Duration.ofSeconds(90)).until(() -> publicStatus(dossier.code()) == 9);
            assertThat(clerkPage(dossier.code())).doesNotContain("Sự cố khi xử lý");
            byte[] result = http.get()
                    .uri("/api/public/dossiers/{code}/result", dossier.code())
                    .header("X-Lookup-Key", dossier.lookupKey())
                    .retrieve()
                    .body(byte[].class);
            assertThat(verify(result, "ket-qua.pdf").path("valid").asBoolean()).isTrue();
        } finally {
            if (good != null) {
                Files.write(keystore, good);
            }
        }
    }

    private record Submitted(String code, String lookupKey) {}

    private static Submitted submit(String name, String identityNumber) throws IOException {
        return post(
                Map.of(
                        "procedureKey",
                        "chung-thuc-ban-sao",
                        "agencyCode",
                        AGENCY,
                        "applicant",
                        Map.of("name", name, "identityNumber", identityNumber, "phone", "0912345678"),
                        "data",
                        Map.of("documentName", "Bằng tốt nghiệp THPT", "copyCount", 1, "pagesPerCopy", 1)),
                "ban-chinh",
                "bang.pdf");
    }

    /** A birth registration (full-online) submitted with the result asked electronically. */
    private static Submitted submitBirthRegistrationOnline() throws IOException {
        Map<String, Object> data = new HashMap<>();
        data.put("childFullName", "Nguyễn Minh An");
        data.put("childSex", "nam");
        data.put("childBirthDate", LocalDate.now().minusDays(10).toString());
        data.put("childBirthPlace", "Trạm Y tế xã Một Cửa");
        data.put("childEthnicity", "Kinh");
        data.put("childNationality", "Việt Nam");
        data.put("childHometown", "Xã Một Cửa");
        data.put("motherFullName", "Lê Thị Mai");
        data.put("motherBirthYear", 1995);
        data.put("motherIdentityNumber", "001195012345");
        data.put("motherEthnicity", "Kinh");
        data.put("motherNationality", "Việt Nam");
        data.put("motherResidence", "Thôn Đoài, xã Một Cửa");
        data.put("fatherDeclared", false);
        data.put("registrantRelationship", "me");
        data.put("extractCopies", 1);
        return post(
                Map.of(
                        "procedureKey",
                        "dang-ky-khai-sinh",
                        "agencyCode",
                        AGENCY,
                        "competentAgencyCode",
                        AGENCY,
                        "applicant",
                        Map.of("name", "Lê Thị Mai", "identityNumber", "001195012345", "phone", "0912000111"),
                        "data",
                        data,
                        "resultDelivery",
                        Map.of("method", "ONLINE")),
                "giay-chung-sinh",
                "giay-chung-sinh.pdf");
    }

    /** Submits the dossier with one PDF that opens as the document {@code part}; the receipt's code and key. */
    private static Submitted post(Map<String, Object> dossier, String part, String fileName) throws IOException {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("dossier", dossier, MediaType.APPLICATION_JSON);
        parts.part(
                part, file(fileName, TestPdfs.result(app.bean(DocumentProperties.class))), MediaType.APPLICATION_PDF);
        JsonNode receipt = JSON.readTree(http.post()
                .uri("/api/public/dossiers")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build())
                .retrieve()
                .body(String.class));
        return new Submitted(
                receipt.path("code").asText(), receipt.path("lookupKey").asText());
    }

    private static String historicInstanceId(String code) {
        return app.bean(org.camunda.bpm.engine.HistoryService.class)
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
    }

    private static Job signingJob(ManagementService management, String instance) {
        return management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId("ServiceTask_SignResult")
                .singleResult();
    }

    private static String processInstanceId(String code) {
        return app.bean(org.camunda.bpm.engine.RuntimeService.class)
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
    }

    private static JsonNode verify(byte[] pdf, String name) throws IOException {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", file(name, pdf), MediaType.APPLICATION_PDF);
        return JSON.readTree(http.post()
                .uri("/api/public/signatures/verify")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build())
                .retrieve()
                .body(String.class));
    }

    private static int resultStatus(String code, String lookupKey) {
        return http.get()
                .uri("/api/public/dossiers/{code}/result", code)
                .headers(h -> {
                    if (lookupKey != null) {
                        h.set("X-Lookup-Key", lookupKey);
                    }
                })
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private static int publicStatus(String code) {
        return http.get()
                .uri("/api/public/dossiers/{code}", code)
                .retrieve()
                .body(JsonNode.class)
                .path("status")
                .asInt();
    }

    /**
     * A poppler tool (Debian poppler-utils) on the PDF, as an independent reader: its output ({@code pdftotext}
     * writes the text to standard output with "-" as the output file).
     */
    private static String poppler(String tool, byte[] pdf, String... options) throws IOException {
        Path file = Files.createTempFile("motcua-result-", ".pdf");
        try {
            Files.write(file, pdf);
            List<String> command = new ArrayList<>();
            command.add("/usr/bin/" + tool);
            command.addAll(List.of(options));
            command.add(file.toString());
            if (tool.equals("pdftotext")) {
                command.add("-");
            }
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    /** The dossier page of the workspace, as the receiving clerk sees it. */
    private static String clerkPage(String code) {
        return http.get()
                .uri("/can-bo/ho-so/{code}", code)
                .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("tiepnhan01"))
                .accept(MediaType.TEXT_HTML)
                .retrieve()
                .body(String.class);
    }
}
