package vn.motcua.app.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;
import vn.motcua.app.MotcuaApplication;
import vn.motcua.document.OfficialDocuments;
import vn.motcua.document.QrContent;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.signature.PdfSigner;
import vn.motcua.signature.SignatureRequest;

/**
 * The public verifier on the embedded defaults: results signed with the local test CA's certificate of a demo
 * commune are valid (and said to be test signatures); a changed byte, an unsigned PDF and a file that is no PDF
 * are answered as such.
 */
class SignatureVerificationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMUNE = "000.00.99.H99";
    private static final String DOSSIER = COMMUNE + "-261201-0007";

    // an hour before the run: the test CA issues its certificates from the day before it was made, so a fixed date
    // would
    // fall outside their validity one day
    private static final Instant SIGNED_AT =
            Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

    private static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static RestClient http;
    private static byte[] signed;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("motcua-signature-it-");
        dataDir.toFile().setExecutable(true, false);
        app = new SpringApplicationBuilder(MotcuaApplication.class)
                .run("--server.port=0", "--motcua.data-dir=" + dataDir);
        http = RestClient.builder()
                .baseUrl("http://localhost:"
                        + ((WebServerApplicationContext) app).getWebServer().getPort())
                .build();
        signed = app.getBean(PdfSigner.class)
                .sign(
                        TestPdfs.result(app.getBean(DocumentProperties.class)),
                        new SignatureRequest(
                                COMMUNE,
                                "UBND xã Xuân Đài",
                                null,
                                DOSSIER,
                                "Kết quả giải quyết thủ tục hành chính",
                                SIGNED_AT));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aResultSignedWithTheEmbeddedTestCaIsValidAndSaidToBeATestSignature() {
        JsonNode answer = verify(signed, "ket-qua.pdf");

        assertThat(answer.path("signed").asBoolean()).isTrue();
        assertThat(answer.path("valid").asBoolean()).as("%s", answer).isTrue();
        JsonNode signature = answer.path("signatures").path(0);
        assertThat(signature.path("intact").asBoolean()).isTrue();
        assertThat(signature.path("trusted").asBoolean()).isTrue();
        assertThat(signature.path("coversWholeDocument").asBoolean()).isTrue();
        assertThat(signature.path("dossierCode").asText()).isEqualTo(DOSSIER);
        assertThat(answer.path("dossierCode").asText()).isEqualTo(DOSSIER);
        assertThat(signature.path("signedAt").asText())
                .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
                        .withZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                        .format(SIGNED_AT));
        assertThat(signature.path("testCertificate").asBoolean()).isTrue();
        assertThat(signature.path("signer").asText()).isNotBlank();
        assertThat(Files.exists(dataDir.resolve("signing").resolve("test-ca.p12")))
                .as("the test CA is kept under the data folder")
                .isTrue();
        assertThat(Files.exists(dataDir.resolve("signing").resolve(COMMUNE + ".p12")))
                .isTrue();
    }

    @Test
    void aByteChangedAfterSigningMakesTheSignatureBroken() {
        byte[] tampered = TestPdfs.tampered(signed, DOSSIER);

        JsonNode answer = verify(tampered, "ket-qua.pdf");

        assertThat(answer.path("signed").asBoolean()).isTrue();
        assertThat(answer.path("valid").asBoolean()).isFalse();
        assertThat(answer.path("signatures").path(0).path("intact").asBoolean()).isFalse();
    }

    @Test
    void aSlipsQrCodeNamesItsDossierAndTheTrackingPageItOpens() {
        QrContent qr = new QrContent(
                DOSSIER,
                "1.001193",
                "001195012345",
                "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
                "Hệ thống thử",
                LocalDateTime.of(2026, 12, 1, 9, 0),
                LocalDateTime.of(2026, 12, 3, 16, 30),
                null);
        byte[] slip = app.getBean(OfficialDocuments.class)
                .render(
                        "giay-tiep-nhan",
                        Map.of(
                                "coQuan", "UBND xã Xuân Đài",
                                "nguoiNop", Map.of("hoTen", "Lê Thị Mai"),
                                "giayTo", List.of(),
                                "nhanLuc", LocalDateTime.of(2026, 12, 1, 9, 0)),
                        qr);

        JsonNode answer = verify(slip, "giay-tiep-nhan.pdf");

        assertThat(answer.path("signed").asBoolean()).isFalse();
        assertThat(answer.path("dossierCode").asText()).isEqualTo(DOSSIER);
        assertThat(answer.path("qr").path("documentName").asText())
                .isEqualTo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        assertThat(answer.path("qr").path("appointment").asText()).startsWith("2026-12-03T16:30");
        assertThat(answer.path("qr").path("trackingHref").asText()).isEqualTo("/tra-cuu/?ma=" + DOSSIER);
        assertThat(answer.path("qr").has("applicantId"))
                .as("the identifier stays off the public answer")
                .isFalse();
    }

    @Test
    void anUnsignedPdfIsSaidToBeUnsigned() throws IOException {
        JsonNode answer = verify(TestPdfs.result(app.getBean(DocumentProperties.class)), "chua-ky.pdf");

        assertThat(answer.path("signed").asBoolean()).isFalse();
        assertThat(answer.path("valid").asBoolean()).isFalse();
        assertThat(answer.path("signatures").size()).isZero();
    }

    @Test
    void aFileThatIsNotAPdfIsAnswered415WithProblemDetails() throws IOException {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", named("GIF89a not a pdf".getBytes(StandardCharsets.US_ASCII), "anh.gif"))
                .contentType(MediaType.IMAGE_GIF);
        int[] status = new int[1];
        String body = http.post()
                .uri("/api/public/signatures/verify")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build())
                .exchange((request, response) -> {
                    status[0] = response.getStatusCode().value();
                    return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                });

        assertThat(status[0]).isEqualTo(415);
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("type").asText()).endsWith("/not-a-pdf");
        assertThat(problem.path("title").asText()).isEqualTo("Tệp không phải là PDF");
    }

    private static JsonNode verify(byte[] pdf, String name) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", named(pdf, name)).contentType(MediaType.APPLICATION_PDF);
        return http.post()
                .uri("/api/public/signatures/verify")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build())
                .retrieve()
                .body(JsonNode.class);
    }

    private static ByteArrayResource named(byte[] content, String name) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
