package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import vn.motcua.app.testing.TestApplication;
import vn.motcua.engine.EngineClock;
import vn.motcua.payment.DeskPayment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.Payments;

/**
 * The citizen's pages in a real headless Chromium on the embedded defaults: a citizen finds a procedure typed without
 * diacritics, submits it online through the procedure's Camunda start form (rendered by the official form-js viewer)
 * with an upload, reads the receipt, tracks the dossier, and rates the service once the clerks (driven here through
 * the engine's REST API) have returned the result. Also: every page fits a 360 px screen, names with markup stay text,
 * the language switch, and the pages benchmark in its smoke mode.
 */
class CitizenPagesIT {

    /** "true" once the submission page's start form is mounted (null-safe while a page is replaced). */
    static final String FORM_READY = "(document.getElementById('main') || {dataset: {}}).dataset.formReady || ''";

    private static final String COMMUNE = "000.00.99.H99";
    /** A name a hostile applicant might type: it must show as these characters, never as bold text. */
    private static final String MARKUP_NAME = "<b>Trần Thị Lan</b><img src=x>";

    /** The phone-sized screenshots of the pages; docs/screenshots/ holds a chosen few of them. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static TestApplication app;
    private static String base;
    private static RestClient http;

    @BeforeAll
    static void start() throws IOException {
        app = TestApplication.start("citizen-pages-it");
        base = app.baseUrl();
        http = app.http();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aCitizenFindsAProcedureWithoutDiacriticsSubmitsItOnlineTracksItAndRatesItOnceReturned() throws Exception {
        Path upload = Files.write(
                Files.createTempDirectory("motcua-upload-").resolve("bang-tot-nghiep.pdf"),
                vn.motcua.app.signature.TestPdfs.blankPage());
        String code;
        String lookupKey;
        try (Chromium.Page browser = Chromium.Page.open(base + "/")) {
            browser.viewport(360, 780);
            browser.type("#q", "chung thuc ban sao");
            browser.click("form[role=search] button.primary");
            browser.waitUntil("location.search", s -> s.contains("q=chung"));
            String found = browser.textOnceShown("#procedures", s -> !s.isBlank());
            assertThat(found).contains("Chứng thực bản sao").doesNotContain("Đăng ký khai sinh");
            assertThat(browser.eval("document.querySelector('#count').innerText"))
                    .startsWith("Tìm thấy 1 trong 4");

            browser.click("li[data-key='chung-thuc-ban-sao'] a.button");
            browser.waitUntil(FORM_READY, "true"::equals);
            assertThat(browser.eval("location.pathname")).isEqualTo("/thu-tuc/chung-thuc-ban-sao/nop");

            browser.type("#applicant-name", MARKUP_NAME);
            browser.type("#applicant-identity", "001090012345");
            browser.type("#applicant-phone", "0912345678");
            browser.eval("document.getElementById('agency').value = '" + COMMUNE + "', ''");
            // The start form's own fields, as form-js rendered them (ids end with the form's component ids).
            browser.type("[id$='-Field_documentName']", "Bằng tốt nghiệp THPT");
            browser.type("[id$='-Field_copyCount']", "2");
            browser.type("[id$='-Field_pagesPerCopy']", "1");
            browser.pickFile("#doc-ban-chinh", upload);
            browser.click("input[name=delivery][value=POST]");
            browser.type("#post-address", "Số 1 đường Láng, xã Một Cửa Mẫu");

            browser.click("#review-button");
            String review = browser.textOnceShown("#review", s -> !s.isBlank() && !s.contains("…"));
            assertThat(review)
                    .contains(MARKUP_NAME)
                    .contains("bang-tot-nghiep.pdf")
                    .contains("Bằng tốt nghiệp THPT")
                    .contains("Số 1 đường Láng")
                    .containsPattern("\\d{1,3}(\\.\\d{3})*\u00a0đ|Miễn phí");
            assertThat(browser.eval("String(document.querySelectorAll('#review b, #review img').length)"))
                    .as("markup in a name is shown as text, never rendered")
                    .isEqualTo("0");
            browser.screenshot(SCREENSHOTS.resolve("xem-lai-vi-360.png"));

            browser.click("#submit-button");
            String receipt = browser.textOnceShown("#receipt", s -> s.contains(COMMUNE));
            code = browser.eval("document.getElementById('receipt-code').innerText");
            lookupKey = browser.eval("document.getElementById('receipt-key').innerText");
            assertThat(code).matches(java.util.regex.Pattern.quote(COMMUNE) + "-\\d{6}-\\d{4}");
            assertThat(lookupKey).isNotBlank();
            assertThat(receipt).contains("Mới đăng ký");
            browser.screenshot(SCREENSHOTS.resolve("bien-nhan-vi-360.png"));

            browser.click("#receipt-track");
            browser.waitUntil("location.pathname", "/tra-cuu/"::equals);
            String tracked = browser.textOnceShown("#result", s -> s.contains("Việc bạn cần làm"));
            assertThat(tracked)
                    .contains(code)
                    .contains("Mới đăng ký")
                    .contains(MARKUP_NAME)
                    .contains("Nhận qua dịch vụ bưu chính công ích (gửi về địa chỉ): Số 1 đường Láng")
                    .contains("Hiện chưa cần làm gì")
                    .contains("bang-tot-nghiep.pdf");
            assertThat(browser.eval("String(document.querySelectorAll('#result b, #result img').length)"))
                    .isEqualTo("0");
        }
        JsonNode stored = get("/api/public/dossiers/" + code, lookupKey);
        assertThat(stored.path("applicant").path("name").asText()).isEqualTo(MARKUP_NAME);
        assertThat(stored.path("resultDelivery").path("method").asText()).isEqualTo("POST");

        int early = http.post()
                .uri("/api/public/dossiers/{code}/rating", code)
                .header("X-Lookup-Key", lookupKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("level", "SATISFIED"))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(early).as("no rating before the result is returned").isEqualTo(409);

        // The clerks' side, through the engine's REST API: received, certified, approved, returned.
        app.completeTask(code, "tiepnhan01", Map.of("receiptDecision", "accept"));
        // the fee asked at receipt (status 6), paid at the counter
        Payments payments = app.bean(Payments.class);
        long fee = payments.openRequest(code).orElseThrow().amount();
        assertThat(payments.recordAtDesk(code, new DeskPayment(fee, PaymentMethod.DESK_CASH, "tiepnhan01"))
                        .outcome()
                        .paid())
                .isTrue();
        app.completeTask(
                code, "chuyenvien01", Map.of("certificationNumber", "16/2026/SCT-BS", "originalMatches", true));
        app.completeTask(code, "lanhdao01", Map.of("approved", true));
        // the result is signed asynchronously first; then it waits at the desk (status 9)
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        get("/api/public/dossiers/" + code, null).path("status").asInt() == 9);
        app.completeTask(code, "tiepnhan01", Map.of("resultReceivedBy", "Trần Thị Lan"));
        assertThat(get("/api/public/dossiers/" + code, null).path("status").asInt())
                .isEqualTo(10);

        try (Chromium.Page browser = Chromium.Page.open(base + "/tra-cuu/?ma=" + code + "#khoa=" + lookupKey)) {
            browser.viewport(360, 780);
            assertThat(browser.textOnceShown("#asked-now", s -> s.contains("đánh giá")))
                    .contains("Mời bạn đánh giá mức độ hài lòng")
                    .contains("Rất hài lòng")
                    .contains("Hài lòng")
                    .contains("Không hài lòng");
            browser.click("#rating input[value=SATISFIED]");
            browser.type("#rating-comment", "Nhanh <script>alert(1)</script>");
            browser.click("#rating-send");
            assertThat(browser.textOnceShown("#rated", s -> !s.isBlank()))
                    .isEqualTo("Cảm ơn bạn đã đánh giá: Hài lòng — Nhanh <script>alert(1)</script>");
            assertThat(Integer.parseInt(browser.eval("String(document.documentElement.scrollWidth)")))
                    .isLessThanOrEqualTo(360);
            browser.screenshot(SCREENSHOTS.resolve("tra-cuu-da-danh-gia-vi-360.png"));
        }
        int again = http.post()
                .uri("/api/public/dossiers/{code}/rating", code)
                .header("X-Lookup-Key", lookupKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("level", "DISSATISFIED"))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(again).as("one rating per dossier").isEqualTo(409);

        LocalDate today = LocalDate.now(EngineClock.VIETNAM);
        JsonNode satisfaction = http.get()
                .uri("/api/stats/satisfaction?from={from}&to={to}", today.minusDays(1), today.plusDays(1))
                .header(HttpHeaders.AUTHORIZATION, TestApplication.basic("lanhdao01"))
                .retrieve()
                .body(JsonNode.class);
        assertThat(satisfaction).hasSize(1);
        assertThat(satisfaction.get(0).path("agencyCode").asText()).isEqualTo(COMMUNE);
        assertThat(satisfaction.get(0).path("rated").asLong()).isEqualTo(1);
        assertThat(satisfaction.get(0).path("satisfied").asLong()).isEqualTo(1);
        assertThat(satisfaction.get(0).path("satisfactionRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void everyCitizenPageFitsA360PixelScreenInBothLanguages() throws Exception {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("trang-chu", "/");
        pages.put("thu-tuc", "/thu-tuc/dang-ky-khai-sinh");
        pages.put("nop-ho-so", "/thu-tuc/dang-ky-khai-sinh/nop");
        pages.put("tra-cuu", "/tra-cuu/");
        pages.put("kiem-tra-chu-ky", "/kiem-tra-chu-ky/");
        try (Chromium.Page browser = Chromium.Page.open(base + "/")) {
            browser.viewport(360, 780);
            for (String language : new String[] {"vi", "en"}) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.navigate(base + page.getValue() + "?lang=" + language);
                    if (page.getKey().equals("nop-ho-so")) {
                        browser.waitUntil(FORM_READY, "true"::equals);
                    }
                    assertThat(browser.eval("String(document.documentElement.scrollWidth)"))
                            .as("%s (%s) scrolls sideways at 360 px", page.getValue(), language)
                            .satisfies(
                                    width -> assertThat(Integer.parseInt(width)).isLessThanOrEqualTo(360));
                    browser.screenshot(SCREENSHOTS.resolve(page.getKey() + "-" + language + "-360.png"));
                }
            }
            browser.navigate(base + "/");
            assertThat(browser.textOnceShown("h1", s -> !s.isBlank()))
                    .as("the language chosen last is kept in a cookie")
                    .isEqualTo("Find a procedure and submit online");
            browser.navigate(base + "/?lang=vi");
            assertThat(browser.textOnceShown("h1", s -> !s.isBlank())).isEqualTo("Tìm thủ tục và nộp hồ sơ trực tuyến");
            assertThat(browser.eval("document.documentElement.lang")).isEqualTo("vi");
        }
    }

    @Test
    void thePagesBenchmarkRunsInItsSmokeMode() throws Exception {
        Path report = Path.of("target", "benchmark-smoke", "pages.md").toAbsolutePath();
        Files.deleteIfExists(report);

        PagesBenchmark.measure(base, report, true);

        String markdown = Files.readString(report);
        assertThat(markdown).contains("## Page weight and time to interactive");
        assertThat(markdown.lines().filter(line -> line.startsWith("| `/` |"))).hasSize(1);
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
}
