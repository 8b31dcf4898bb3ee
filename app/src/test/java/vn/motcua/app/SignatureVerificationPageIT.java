package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.app.signature.TestPdfs;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.signature.PdfSigner;
import vn.motcua.signature.SignatureRequest;

/**
 * The public verification page (/kiem-tra-chu-ky/) in a real headless Chromium on the embedded defaults: a PDF
 * the application signed with the local test CA's certificate of a demo commune is picked in the page's file
 * input, uploaded to the public verifier, and the page's text read back.
 */
class SignatureVerificationPageIT {

    private static final String COMMUNE = "000.00.99.H99";
    private static final String DOSSIER = COMMUNE + "-261201-0007";
    // an hour before the run: the test CA issues its certificates from the day before it was made, so a fixed date
    // would
    // fall outside their validity one day
    private static final Instant SIGNED_AT =
            Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    private static final String SIGNED_AT_SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"))
            .format(SIGNED_AT);
    private static final Predicate<String> SETTLED = text -> !text.isBlank() && !text.contains("Đang ");

    private static Path dataDir;
    private static Path files;
    private static ConfigurableApplicationContext app;
    private static String page;
    private static byte[] signed;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("motcua-verify-page-it-");
        dataDir.toFile().setExecutable(true, false);
        files = Files.createTempDirectory("motcua-verify-page-files-");
        app = new SpringApplicationBuilder(MotcuaApplication.class)
                .run("--server.port=0", "--motcua.data-dir=" + dataDir);
        String base = "http://localhost:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
        page = base + "/kiem-tra-chu-ky/";
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
    void aSignedResultPickedOnThePageIsShownValidWithItsAgencyTimeDossierAndTestCertificateWarning() throws Exception {
        Path file = Files.write(files.resolve("ket-qua.pdf"), signed);

        try (Chromium.Page browser = Chromium.Page.open(page)) {
            browser.pickFile("#file", file);
            String text = browser.textOnceShown("#result", SETTLED);

            assertThat(text)
                    .contains("Chữ ký số hợp lệ")
                    .contains("ket-qua.pdf")
                    // the test certificate is issued in the name the agency registry gives the demo commune
                    .contains("Người ký\nUBND xã Một Cửa Mẫu")
                    .contains("Cơ quan\nUBND xã Một Cửa Mẫu")
                    .contains(SIGNED_AT_SHOWN)
                    .contains("Có — nội dung không bị thay đổi sau khi ký")
                    .contains("Có — do cơ quan chứng thực được tin cậy cấp")
                    .contains("Toàn bộ văn bản")
                    .contains(DOSSIER)
                    .contains("Chứng thư thử nghiệm — chữ ký này không có giá trị pháp lý.");
            assertThat(browser.textOnceShown("a[href^='/tra-cuu/?ma=']", s -> !s.isBlank()))
                    .isEqualTo(DOSSIER);
            assertThat(browser.attribute("a[href^='/tra-cuu/?ma=']", "href")).endsWith("/tra-cuu/?ma=" + DOSSIER);

            browser.click("#lang");
            assertThat(browser.textOnceShown("#result", s -> s.contains("Valid signature")))
                    .contains("Test certificate — this signature has no legal value.")
                    .contains("The whole document")
                    .contains(SIGNED_AT_SHOWN);
            assertThat(browser.textOnceShown("h1", s -> !s.isBlank())).isEqualTo("Check a digital signature");
        }
    }

    @Test
    void aCopyWithAByteChangedAfterSigningIsShownAsNotIntact() throws Exception {
        byte[] tampered = TestPdfs.tampered(signed, DOSSIER);
        Path file = Files.write(files.resolve("ket-qua-da-sua.pdf"), tampered);

        try (Chromium.Page browser = Chromium.Page.open(page)) {
            browser.pickFile("#file", file);
            String text = browser.textOnceShown("#result", SETTLED);

            assertThat(text)
                    .contains("Chữ ký số không hợp lệ")
                    .contains("Không — nội dung đã bị thay đổi sau khi ký")
                    .doesNotContain("Chữ ký số hợp lệ");
        }
    }

    @Test
    void anUnsignedPdfIsShownAsNotSigned() throws Exception {
        Path file = Files.write(files.resolve("chua-ky.pdf"), TestPdfs.result(app.getBean(DocumentProperties.class)));

        try (Chromium.Page browser = Chromium.Page.open(page)) {
            browser.pickFile("#file", file);

            assertThat(browser.textOnceShown("#result", SETTLED))
                    .contains("Tệp chưa được ký số")
                    .contains("Văn bản này không có chữ ký số nào.");
        }
    }

    @Test
    void aFileThatIsNotAPdfGetsTheVietnameseErrorWhetherCaughtBeforeSendingOrByTheServer() throws Exception {
        Path picture = Files.write(files.resolve("anh.gif"), "GIF89a not a pdf".getBytes(StandardCharsets.US_ASCII));
        Path disguised =
                Files.write(files.resolve("gia-mao.pdf"), "GIF89a not a pdf".getBytes(StandardCharsets.US_ASCII));
        String error = "Tệp không phải là PDF. Vui lòng chọn văn bản điện tử dạng PDF.";

        try (Chromium.Page browser = Chromium.Page.open(page)) {
            browser.pickFile("#file", picture);
            assertThat(browser.textOnceShown("#result", SETTLED)).isEqualTo(error);
        }
        try (Chromium.Page browser = Chromium.Page.open(page)) {
            browser.pickFile("#file", disguised); // named .pdf: sent, and refused by the server with 415
            assertThat(browser.textOnceShown("#result", SETTLED)).isEqualTo(error);
        }
    }

    @Test
    void theTrackingPageLinksToTheVerificationPage() throws Exception {
        String tracking = page.replace("/kiem-tra-chu-ky/", "/tra-cuu/");
        try (Chromium.Page browser = Chromium.Page.open(tracking)) {
            assertThat(browser.textOnceShown("#verify-link", s -> !s.isBlank()))
                    .isEqualTo("Kiểm tra chữ ký số trên văn bản điện tử");
            assertThat(browser.attribute("#verify-link", "href")).endsWith("/kiem-tra-chu-ky/");
        }
        Chromium.screenshot(page, Path.of("target/screenshots/kiem-tra-chu-ky-phone.png"), 390, 900);
    }
}
