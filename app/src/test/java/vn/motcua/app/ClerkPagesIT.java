package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.app.testing.OnlineSubmission;
import vn.motcua.app.testing.TestApplication;

/**
 * The clerks' and leaders' pages in a real headless Chromium on the embedded defaults, signed in with the demo
 * accounts: commune A's desk clerk receives a dossier through the receive task's Camunda Form (form-js), A's
 * specialist certifies it, A's leader approves it; commune B's desk clerk sees none of it; an applicant name made
 * of markup is shown as the text it is; the workspace reads at 360 px.
 */
class ClerkPagesIT {

    /** Markup a hostile applicant types as a name: must come out as these very characters. */
    static final String MARKUP_NAME = "<b id=\"injected\">Lê</b> Văn <img id=\"injected-img\" src=\"x\"> Tâm";

    /** Where the desk intake's applicant wants the result posted; markup stays text. */
    static final String POST_ADDRESS = "Số 5 <i>ngõ 3</i>, thôn Đông, xã A";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestApplication app;
    private static String base;
    private static int identity = 200;

    @BeforeAll
    static void start() throws IOException {
        app = TestApplication.start("clerk-pages-it", "--motcua.outbox.poll-interval=PT0.2S");
        base = app.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aDeskClerkReceivesTheDossierThroughItsFormASpecialistCertifiesItAndALeaderApprovesIt() throws Exception {
        String code = submit("Nguyễn Thị Thu");

        try (Chromium.Page page = Chromium.Page.signedIn(base, "tiepnhan01", "/can-bo/")) {
            openTask(page, code, "Tiếp nhận hồ sơ");
            page.click("#claim");
            page.pathOnce("/can-bo/viec/");
            formReady(page);
            tick(page, "Hồ sơ hợp lệ, tiếp nhận");
            page.screenshot(Path.of("target/screenshots/can-bo-viec.png"), 1100);
            complete(page);
            assertThat(page.textOnceShown("main", s -> s.contains("Đã hoàn thành")))
                    .doesNotContain(code);
        }
        assertThat(status(code)).isEqualTo(6); // received; the fee is asked (2.000 đ, Thông tư 226/2016/TT-BTC)

        // The applicant pays at the counter: the desk clerk records it on the dossier page, which prints the slips.
        try (Chromium.Page page = Chromium.Page.signedIn(base, "tiepnhan01", "/can-bo/ho-so/" + code)) {
            assertThat(page.textOnceShown("#dossier", s -> s.contains("Chờ nộp")))
                    .contains("2.000 đ");
            assertThat(page.attribute("#dossier a[href$='/control-slip']", "href"))
                    .endsWith("/api/dossiers/" + code + "/control-slip");
            page.fill("form.cb-desk-payment select[name=method]", "CARD");
            page.click("form.cb-desk-payment button");
            assertThat(page.textOnceShown("#dossier", s -> s.contains("Biên lai")))
                    .contains("Đã nộp")
                    .contains("DESK_CARD");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(code) == 4); // processing

        try (Chromium.Page page = Chromium.Page.signedIn(base, "chuyenvien01", "/can-bo/")) {
            openTask(page, code, "Đối chiếu và chứng thực bản sao");
            page.click("#claim");
            formReady(page);
            fill(page, "Số chứng thực", "SCT-0001/2026");
            tick(page, "Đã đối chiếu");
            complete(page);
        }

        try (Chromium.Page page = Chromium.Page.signedIn(base, "lanhdao01", "/can-bo/")) {
            openTask(page, code, "Phê duyệt và ký chứng thực");
            page.click("#claim");
            formReady(page);
            tick(page, "Đồng ý ký chứng thực");
            complete(page);
        }
        // processed once the result is signed (asynchronously): the result waits at the desk, which prints it
        await().atMost(Duration.ofSeconds(60)).until(() -> status(code) == 9);
        try (Chromium.Page page = Chromium.Page.signedIn(base, "tiepnhan01", "/can-bo/ho-so/" + code)) {
            assertThat(page.textOnceShown("#dossier", s -> s.contains("Kết quả điện tử")))
                    .contains("ket-qua-" + code);
            assertThat(page.attribute("#dossier a[href$='/result?print=true']", "href"))
                    .endsWith("/api/dossiers/" + code + "/result?print=true");
        }

        try (Chromium.Page page = Chromium.Page.signedIn(base, "lanhdao01", "/can-bo/thong-ke")) {
            assertThat(page.textOnceShown("#summary", s -> !s.isBlank())).contains("Tỷ lệ đúng hạn");
            assertThat(page.evaluate("String(document.querySelectorAll('#chart-received rect').length)"))
                    .isNotEqualTo("0");
            assertThat(page.attribute("#csv", "href")).contains("/api/stats/indices.csv?from=");
            page.screenshot(Path.of("target/screenshots/can-bo-thong-ke.png"), 800);
        }

        try (Chromium.Page page = Chromium.Page.signedIn(base, "tiepnhan01", "/can-bo/")) {
            assertThat(page.textOnceShown("#tasks", s -> s.contains(code))).contains("Trả kết quả");
        }
    }

    @Test
    void aClerkOfCommuneBSeesNoneOfCommuneAsTasksOrDossiers() throws Exception {
        String code = submit("Phạm Văn Đức");
        String taskId = taskOf(code);

        try (Chromium.Page page = Chromium.Page.signedIn(base, "tiepnhan01", "/can-bo/")) {
            assertThat(page.textOnceShown("#tasks", s -> s.contains(code))).contains("Phạm Văn Đức");
            // The index catches up with the outbox; then A's clerk finds it (so B's empty search below means hidden).
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                go(page, "/can-bo/tim-kiem?q=" + code + "&t=" + System.nanoTime());
                return page.textOnceShown("#total", t -> !t.isBlank()).equals("Tìm thấy 1 hồ sơ");
            });
            assertThat(page.textOnceShown("#results", s -> !s.isBlank()))
                    .contains(code)
                    .contains("Phạm Văn Đức");
        }
        try (Chromium.Page page = Chromium.Page.signedIn(base, "tiepnhan02", "/can-bo/")) {
            assertThat(page.textOnceShown("main", s -> s.contains("Công việc của tôi")))
                    .doesNotContain(code);
            go(page, "/can-bo/viec/" + taskId);
            assertThat(page.once(
                            "document.readyState === 'complete' ? document.body.innerText : ''", s -> !s.isBlank()))
                    .contains("404")
                    .doesNotContain(code)
                    .doesNotContain("Phạm Văn Đức");
            go(page, "/can-bo/tim-kiem?q=" + code);
            assertThat(page.textOnceShown("#total", s -> !s.isBlank())).isEqualTo("Tìm thấy 0 hồ sơ");
            go(page, "/can-bo/ho-so/" + code);
            assertThat(page.once("document.body.innerText", s -> !s.isBlank()))
                    .contains("404")
                    .doesNotContain("Phạm Văn Đức");
        }
    }

    @Test
    void anApplicantNameMadeOfMarkupIsShownAsTextInTheWorkspaceAndTheDossier() throws Exception {
        String code = submit(MARKUP_NAME);

        try (Chromium.Page page = Chromium.Page.signedIn(base, "tiepnhan01", "/can-bo/")) {
            page.textOnceShown("#tasks", s -> s.contains(code));
            assertThat(page.evaluate("[...document.querySelectorAll('#tasks .applicant')].map(e => e.textContent)"
                            + ".filter(t => t.includes('Tâm')).join('|')"))
                    .isEqualTo(MARKUP_NAME);
            assertThat(page.evaluate("String(document.querySelectorAll('#injected, #injected-img').length)"))
                    .isEqualTo("0");
            page.screenshot(Path.of("target/screenshots/can-bo-cong-viec-360.png"), 360);
            assertThat(page.evaluate("String(document.documentElement.scrollWidth)"))
                    .as("nothing wider than a 360 px phone")
                    .isEqualTo("360");

            go(page, "/can-bo/ho-so/" + code);
            assertThat(page.textOnceShown("#applicant", s -> s.contains("Tâm"))).contains(MARKUP_NAME);
            assertThat(page.evaluate("String(document.querySelectorAll('#injected, #injected-img').length)"))
                    .isEqualTo("0");
            assertThat(page.textOnceShown("#timeline", s -> !s.isBlank())).contains("Mới");
            // The diagram (bpmn-js, fetched on demand) marks the step the dossier is at.
            page.click("#show-diagram");
            assertThat(page.once(
                            "String(document.querySelectorAll('#diagram .cb-current').length)", n -> !n.equals("0")))
                    .isEqualTo("1");
        }
    }

    @Test
    void aDeskClerkTakesInAPaperDossierWithItsScanMarkedAsDigitised() throws Exception {
        Path scan = Files.write(
                Files.createTempDirectory("motcua-clerk-scan-").resolve("ban-chinh.pdf"),
                vn.motcua.app.signature.TestPdfs.blankPage());

        try (Chromium.Page page =
                Chromium.Page.signedIn(base, "tiepnhan01", "/can-bo/tiep-nhan?thu-tuc=chung-thuc-ban-sao")) {
            page.once(
                    "document.querySelector('#submit-intake') && !document.querySelector('#submit-intake').disabled"
                            + " ? 'y' : document.querySelector('#form-error').textContent",
                    s -> !s.isBlank());
            page.fill("#a-name", "Đặng Thị Hạnh");
            page.fill("#a-id", "001090777001");
            page.fill("#a-phone", "0987654321");
            page.pickFile("#file-ban-chinh", scan);
            fillIn(page, "#start-form", "Tên giấy tờ", "Giấy khai sinh");
            fillIn(page, "#start-form", "Số bản sao", "2");
            fillIn(page, "#start-form", "Số trang", "1");
            // by post, as online: the address box shows only for that choice; markup in it stays text
            assertThat(page.evaluate("String(document.querySelector('#post-address-box').hidden)"))
                    .isEqualTo("true");
            assertThat(page.evaluate("String(!!document.querySelector('input[name=delivery][value=ONLINE]'))"))
                    .as("the certified copy is not full-online: no electronic delivery")
                    .isEqualTo("false");
            page.click("input[name=delivery][value=POST]");
            page.once("String(document.querySelector('#post-address-box').hidden)", "false"::equals);
            page.fill("#post-address", POST_ADDRESS);
            page.click("#submit-intake");

            String code = page.textOnceShown("#receipt-code", s -> !s.isBlank());
            assertThat(code).startsWith("000.00.99.H99-");
            assertThat(page.textOnceShown("#receipt-key", s -> !s.isBlank())).isNotBlank();
            Map<String, Object> row = app.bean(JdbcTemplate.class)
                    .queryForMap("select channel, applicant_name from dossier where code = ?", code);
            assertThat(row).containsEntry("channel", "DESK").containsEntry("applicant_name", "Đặng Thị Hạnh");
            assertThat(app.bean(JdbcTemplate.class)
                            .queryForObject(
                                    "select count(*) from dossier_digitisation g join dossier d on d.id = g.dossier_id"
                                            + " where d.code = ? and g.document_code = 'ban-chinh'"
                                            + " and g.stage = 'RECEIPT' and g.recorded_by = 'tiepnhan01'",
                                    Integer.class,
                                    code))
                    .as("the scan recorded as digitised at receipt by the clerk")
                    .isEqualTo(1);
            assertThat(app.bean(JdbcTemplate.class)
                            .queryForMap(
                                    "select r.method, r.address from dossier_result_delivery r"
                                            + " join dossier d on d.id = r.dossier_id where d.code = ?",
                                    code))
                    .as("the choice stored as an online submission's")
                    .containsEntry("method", "POST")
                    .containsEntry("address", POST_ADDRESS);

            page.click("#receipt-dossier");
            page.pathOnce("/can-bo/ho-so/");
            assertThat(page.textOnceShown("#result-delivery", s -> !s.isBlank()))
                    .isEqualTo("Nhận qua dịch vụ bưu chính công ích (gửi về địa chỉ): " + POST_ADDRESS);
            assertThat(page.evaluate("String(document.querySelectorAll('#result-delivery *').length)"))
                    .isEqualTo("0");
        }
    }

    // ------------------------------------------------------------------ the browser

    /** Goes to {@code path} (with its query) and waits until that page has loaded. */
    private static void go(Chromium.Page page, String path) {
        page.evaluate("location.assign(" + JSON.getNodeFactory().textNode(path) + "), ''");
        page.once("document.readyState === 'complete' ? location.pathname + location.search : ''", path::equals);
    }

    /** Opens the task of the dossier from the list, checking its name there. */
    private static void openTask(Chromium.Page page, String code, String taskName) {
        String item = "#tasks li[data-dossier=\"" + code + "\"]";
        assertThat(page.textOnceShown(item, s -> !s.isBlank())).contains(taskName);
        page.click(item + " h2 a");
        page.pathOnce("/can-bo/viec/");
    }

    private static void formReady(Chromium.Page page) {
        page.once(
                "document.querySelector('#complete') && !document.querySelector('#complete').disabled ? 'y' : ''"
                        + " + (document.querySelector('#form-error') ? document.querySelector('#form-error').textContent : '')",
                s -> !s.isBlank());
        assertThat(page.evaluate("document.querySelector('#form-error').textContent"))
                .isEmpty();
    }

    /** Completes the task through its form; the page then goes back to the list, or shows why not. */
    private static void complete(Chromium.Page page) {
        page.click("#complete");
        assertThat(page.once(
                        "location.search.includes('xong=1') ? 'done'"
                                + " : (document.querySelector('#form-error') || {}).textContent || ''",
                        s -> !s.isBlank()))
                .isEqualTo("done");
    }

    /** Clicks the form-js checkbox or radio option whose label starts with {@code label}. */
    private static void tick(Chromium.Page page, String label) {
        page.evaluate("(() => { const l = [...document.querySelectorAll('#task-form label')]"
                + ".find(l => l.textContent.trim().startsWith("
                + JSON.getNodeFactory().textNode(label) + "));"
                + " document.getElementById(l.htmlFor).click(); return ''; })()");
    }

    /** Types into the task form's field whose label starts with {@code label}. */
    private static void fill(Chromium.Page page, String label, String value) {
        fillIn(page, "#task-form", label, value);
    }

    /** Types into the form-js field in {@code form} whose label starts with {@code label}. */
    private static void fillIn(Chromium.Page page, String form, String label, String value) {
        String id = page.evaluate(
                "[...document.querySelectorAll('" + form + " label')]" + ".find(l => l.textContent.trim().startsWith("
                        + JSON.getNodeFactory().textNode(label) + ")).htmlFor");
        page.fill("[id=\"" + id + "\"]", value);
    }

    // ------------------------------------------------------------------ the dossier

    /** A certified-copy request at commune A, submitted online, with one PDF. */
    static String submit(String applicantName) throws Exception {
        String json = JSON.writeValueAsString(JSON.readTree("""
                {"procedureKey": "chung-thuc-ban-sao", "agencyCode": "000.00.99.H99",
                 "applicant": {"name": "", "identityNumber": "%s", "phone": "0912345678"},
                 "data": {"documentName": "Bằng tốt nghiệp", "copyCount": 1, "pagesPerCopy": 1}}""".formatted(String.format("00109012%04d", identity++))));
        JsonNode dossier = JSON.readTree(json);
        ((com.fasterxml.jackson.databind.node.ObjectNode) dossier.path("applicant")).put("name", applicantName);
        return OnlineSubmission.submit(base, dossier.toString(), "ban-chinh.pdf")
                .path("code")
                .asText();
    }

    private static int status(String code) {
        return app.bean(JdbcTemplate.class)
                .queryForObject("select public_status from dossier where code = ?", Integer.class, code);
    }

    private static String taskOf(String code) {
        return app.bean(TaskService.class)
                .createTaskQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
    }
}
