package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.app.signature.TestPdfs;
import vn.motcua.app.testing.TestApplication;
import vn.motcua.signature.SignatureVerifier;
import vn.motcua.signature.SignatureVerifier.Verification;

/**
 * A dossier's whole life in a browser, on a phone, in Vietnamese, through our pages only (issue 13's "done when"):
 * no API call acts, no engine call completes a task; the database is read only to check. A citizen finds the
 * criminal record certificate (fee, electronic result, a leader's signature), submits it online through its Camunda
 * start form with a PDF and asks for the result electronically; commune A's desk clerk signs in, claims the receipt
 * task in the workspace and completes it through its form with the dossier beside it; the citizen pays the fee on
 * the tracking page through the VNPAY simulator; the provincial police's specialist checks the record and its leader
 * approves; the signed result is returned electronically with no desk step (status 10 once signed) and the citizen
 * downloads it from the tracking page (a PDF whose signatures hold); the citizen rates the service, and the police
 * leader's dashboard counts it. Every
 * page visited is 360 px wide with nothing to scroll sideways.
 */
class DossierLifeIT {

    private static final String PROCEDURE = "cap-phieu-ly-lich-tu-phap";
    /** Commune A's desk receives it (any desk of the province receives this procedure). */
    private static final String DESK = "000.00.99.H99";
    /** The provincial police decides it. */
    private static final String POLICE = "000.00.01.H99";

    private static final String APPLICANT = "Nguyễn Văn Hùng";
    private static final int PHONE_WIDTH = 360;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "vong-doi");

    private static TestApplication app;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        app = TestApplication.start("dossier-life-it", "--motcua.outbox.poll-interval=PT0.2S");
        base = app.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aCitizenAndTheClerksTakeADossierThroughItsWholeLifeInTheBrowserOnAPhone() throws Exception {
        long started = System.nanoTime();
        String[] receipt = submitOnline();
        String code = receipt[0];
        String lookupKey = receipt[1];
        assertThat(status(code)).isEqualTo(1);

        // The desk clerk receives it: workspace, claim, the receipt form with the dossier beside it.
        try (Chromium.Page clerk = signIn("tiepnhan01")) {
            openTask(clerk, code, "Tiếp nhận hồ sơ");
            clerk.click("#claim");
            formReady(clerk);
            assertThat(clerk.textOnceShown("#dossier", s -> s.contains(APPLICANT)))
                    .as("the dossier beside the form")
                    .contains("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam")
                    .contains("can-cuoc.pdf");
            assertThat(clerk.textOnceShown("#timeline", s -> !s.isBlank()))
                    .as("who did what, in Vietnamese")
                    .contains("Mới đăng ký Công dân")
                    .doesNotContain("citizen");
            fits(clerk, "the receipt task");
            tick(clerk, "Hồ sơ hợp lệ, tiếp nhận");
            tick(clerk, "Đã quét và đính kèm: Bản chụp giấy tờ tùy thân");
            complete(clerk);
        }
        // The fee is asked once it is received (200.000 đ, Thông tư 16/2025/TT-BTC).
        await().atMost(Duration.ofSeconds(30)).until(() -> status(code) == 6);

        // The citizen pays online from the tracking page, through the (simulated) VNPAY gateway.
        try (Chromium.Page citizen = track(code, lookupKey, s -> s.contains("200.000"))) {
            assertThat(citizen.textOnceShown("#asked-now", s -> !s.isBlank())).contains("nộp phí");
            assertThat(citizen.textOnceShown("#payment", s -> !s.isBlank())).contains("200.000\u00a0đ");
            citizen.click("#pay-online");
            assertThat(citizen.textOnceShown("#dossier-code", s -> !s.isBlank()))
                    .isEqualTo(code);
            fits(citizen, "the payment page");
            citizen.click("#pay");
            // The page changes under the browser: read again until the simulator's page answers.
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> citizen.textOnceShown("#so-tien", s -> !s.isBlank()), "200.000 đ"::equals);
            fits(citizen, "the payment gateway (simulator)");
            citizen.click("#thanh-toan");
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> citizen.textOnceShown("#ket-qua", s -> !s.isBlank()),
                            s -> s.startsWith("Đã thanh toán"));
            fits(citizen, "the payment's result page");
            citizen.click("#tra-cuu");
            citizen.pathOnce("/tra-cuu/");
        }
        // Paid: received, and on to the police for processing.
        await().atMost(Duration.ofSeconds(30)).until(() -> status(code) == 4);

        try (Chromium.Page specialist = signIn("chuyenvienca01")) {
            openTask(specialist, code, "Tra cứu lý lịch tư pháp, dự thảo Phiếu");
            specialist.click("#claim");
            formReady(specialist);
            fits(specialist, "the specialist's task");
            tick(specialist, "Đủ thông tin để lập Phiếu");
            tick(specialist, "Không có án tích");
            fill(specialist, "Số Phiếu lý lịch tư pháp", "125/2026/LLTP");
            complete(specialist);
        }

        try (Chromium.Page leader = signIn("lanhdaoca01")) {
            openTask(leader, code, "Phê duyệt, ký Phiếu lý lịch tư pháp");
            leader.click("#claim");
            formReady(leader);
            fits(leader, "the leader's task");
            tick(leader, "Đồng ý, ký Phiếu lý lịch tư pháp");
            complete(leader);
        }
        // The result is signed asynchronously; then the dossier is processed (9) and, the citizen having chosen the
        // electronic result, returned electronically (10) at once: no desk clerk hands it over.
        await().atMost(Duration.ofSeconds(90)).until(() -> status(code) == 10);
        assertThat(app.bean(JdbcTemplate.class)
                        .queryForList(
                                "select e.internal_step from dossier_event e join dossier d on d.id = e.dossier_id"
                                        + " where d.code = ? and e.public_status = 10",
                                String.class,
                                code))
                .as("returned electronically, not at the desk")
                .containsExactly("result-returned-online");

        Path downloads = Files.createTempDirectory("motcua-dossier-life-downloads-");
        try (Chromium.Page citizen = track(code, lookupKey, s -> s.contains("Tải kết quả"))) {
            assertThat(citizen.textOnceShown("#asked-now", s -> !s.isBlank())).contains("Kết quả đã được trả điện tử");
            citizen.downloadsTo(downloads);
            citizen.click("#signed-result");
            Path result = await().atMost(Duration.ofSeconds(30)).until(() -> downloaded(downloads), p -> p != null);
            assertThat(result.getFileName().toString()).isEqualTo("ket-qua-" + code + ".pdf");
            byte[] pdf = Files.readAllBytes(result);
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            Verification verified = app.bean(SignatureVerifier.class).verify(pdf);
            assertThat(verified.valid()).as("%s", verified).isTrue();
            assertThat(verified.signatures()
                            .get(verified.signatures().size() - 1)
                            .dossierCode())
                    .isEqualTo(code);
            String pdfsig = pdfsig(result);
            assertThat(pdfsig).contains("Signature is Valid.").contains("Total document signed");
        }

        try (Chromium.Page citizen = track(code, lookupKey, s -> s.contains("Rất hài lòng"))) {
            citizen.click("#rating input[value=VERY_SATISFIED]");
            citizen.type("#rating-comment", "Nộp và nhận kết quả trên điện thoại, không phải đi lại");
            citizen.click("#rating-send");
            assertThat(citizen.textOnceShown("#rated", s -> !s.isBlank()))
                    .isEqualTo("Cảm ơn bạn đã đánh giá: Rất hài lòng — Nộp và nhận kết quả trên điện thoại,"
                            + " không phải đi lại");
            fits(citizen, "the tracking page, rated");
            citizen.screenshot(SCREENSHOTS.resolve("tra-cuu-da-danh-gia.png"));
        }
        Map<String, Object> rating = app.bean(JdbcTemplate.class)
                .queryForMap(
                        "select r.level from dossier_rating r join dossier d on d.id = r.dossier_id where d.code = ?",
                        code);
        assertThat(rating).containsEntry("level", "VERY_SATISFIED");

        // The police leader's dashboard counts it: the satisfaction rate of the competent agency.
        try (Chromium.Page leader = signIn("lanhdaoca01", "/can-bo/thong-ke")) {
            String satisfaction = leader.once(
                    "(() => { const h = [...document.querySelectorAll('h2')].find(e => e.textContent"
                            + " === 'Mức độ hài lòng của người dân theo cơ quan'); return h ? (document"
                            + ".getElementById(h.id.replace('h-', 'chart-')) || {}).textContent || '' : ''; })()",
                    s -> !s.isBlank());
            assertThat(satisfaction).contains("100");
            fits(leader, "the leader's dashboard");
        }
        System.out.printf(
                "DossierLifeIT: the whole life of %s took %d s%n",
                code, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    /** The citizen's part up to the receipt: catalogue, procedure, the online submission. Returns code and key. */
    private static String[] submitOnline() throws Exception {
        Path upload = Files.write(
                Files.createTempDirectory("motcua-life-upload-").resolve("can-cuoc.pdf"), TestPdfs.blankPage());
        try (Chromium.Page citizen = phone(base + "/")) {
            fits(citizen, "the catalogue");
            citizen.type("#q", "ly lich tu phap");
            citizen.click("form[role=search] button.primary");
            citizen.waitUntil("location.search", s -> s.contains("q=ly"));
            assertThat(citizen.textOnceShown("#procedures", s -> !s.isBlank()))
                    .contains("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam");
            fits(citizen, "the catalogue's search");

            citizen.click("li[data-key='" + PROCEDURE + "'] h2 a");
            citizen.pathOnce("/thu-tuc/" + PROCEDURE);
            assertThat(citizen.textOnceShown("main", s -> !s.isBlank()))
                    .contains("Bản chụp Căn cước công dân")
                    .contains("10 ngày");
            fits(citizen, "the procedure");
            citizen.click("main a.button.primary[href$='/nop']");
            citizen.waitUntil(CitizenPagesIT.FORM_READY, "true"::equals);
            assertThat(citizen.eval("location.pathname")).isEqualTo("/thu-tuc/" + PROCEDURE + "/nop");
            fits(citizen, "the submission");

            citizen.type("#applicant-name", APPLICANT);
            citizen.type("#applicant-identity", "001090054321");
            citizen.type("#applicant-phone", "0987123456");
            citizen.fill("#agency", DESK);
            // The start form (form-js): the declaration.
            tick(citizen, "#start-form", "Phiếu lý lịch tư pháp số 1");
            fillIn(citizen, "#start-form", "Mục đích sử dụng Phiếu", "Bổ sung hồ sơ xin việc");
            tick(citizen, "#start-form", "Nam");
            date(citizen, "[id$='-Field_birthDate-date']", 14, 5, 1990);
            fillIn(citizen, "#start-form", "Nơi sinh", "Hà Nội");
            fillIn(citizen, "#start-form", "Dân tộc", "Kinh");
            fillIn(citizen, "#start-form", "Nơi thường trú", "Số 5 ngõ 10 phố Huế, Hà Nội");
            fillIn(citizen, "#start-form", "Quá trình cư trú", "Từ 2004 đến nay: Số 5 ngõ 10 phố Huế, Hà Nội");
            citizen.pickFile("#doc-giay-to-tuy-than", upload);
            citizen.click("input[name=delivery][value=ONLINE]");

            citizen.click("#review-button");
            // The review shows once every check passed; otherwise the messages say which field is wrong.
            citizen.once(
                    "document.getElementById('review').hidden ? [...document.querySelectorAll('#fill-error,"
                            + " .field-error, .fjs-form-field-error')].map(e => e.innerText).filter(Boolean)"
                            + ".join(' | ') || 'checking' : 'review'",
                    "review"::equals);
            String review = citizen.textOnceShown("#review", s -> !s.isBlank() && !s.contains("…"));
            assertThat(review)
                    .contains(APPLICANT)
                    .contains("can-cuoc.pdf")
                    .contains("Bổ sung hồ sơ xin việc")
                    // the choices by their labels, the date as the page writes dates
                    .contains("Loại Phiếu yêu cầu cấp: Phiếu lý lịch tư pháp số 1")
                    .contains("Giới tính: Nam")
                    .contains("Đối tượng nộp phí: Thông thường")
                    .contains("Ngày, tháng, năm sinh: 14/05/1990")
                    .doesNotContain("thong-thuong")
                    .contains("200.000\u00a0đ");
            fits(citizen, "the review");

            citizen.click("#submit-button");
            assertThat(citizen.textOnceShown("#receipt", s -> s.contains(DESK))).contains("Mới đăng ký");
            String code = citizen.eval("document.getElementById('receipt-code').innerText");
            String key = citizen.eval("document.getElementById('receipt-key').innerText");
            assertThat(code).matches(java.util.regex.Pattern.quote(DESK) + "-\\d{6}-\\d{4}");
            assertThat(key).isNotBlank();
            fits(citizen, "the receipt");
            citizen.screenshot(SCREENSHOTS.resolve("bien-nhan.png"));

            // The receipt's link leads to the tracking page with the key: the choice of an electronic result.
            citizen.click("#receipt-track");
            citizen.waitUntil("location.pathname", "/tra-cuu/"::equals);
            assertThat(citizen.textOnceShown("#result", s -> s.contains("Việc bạn cần làm")))
                    .contains(code)
                    .contains(APPLICANT)
                    .contains("Nhận bản điện tử");
            fits(citizen, "the tracking page");
            return new String[] {code, key};
        }
    }

    // ------------------------------------------------------------------ the browser

    /** A phone-sized page: 360 CSS pixels wide. */
    private static Chromium.Page phone(String url) throws Exception {
        Chromium.Page page = Chromium.Page.open(url);
        page.viewport(PHONE_WIDTH, 780);
        page.locale("vi-VN");
        return page;
    }

    /** The tracking page, the code and the key typed in as printed on the receipt, once it shows {@code until}. */
    private static Chromium.Page track(String code, String key, java.util.function.Predicate<String> until)
            throws Exception {
        Chromium.Page citizen = phone(base + "/tra-cuu/");
        citizen.type("#code", code);
        citizen.type("#key", key);
        citizen.click("#lookup button[type=submit]");
        citizen.textOnceShown("#result", until);
        fits(citizen, "the tracking page");
        return citizen;
    }

    /** Signs a member of staff in on the sign-in page, on a phone, then shows the workspace. */
    private static Chromium.Page signIn(String user) throws Exception {
        return signIn(user, "/can-bo/");
    }

    private static Chromium.Page signIn(String user, String path) throws Exception {
        Chromium.Page page = phone(base + path);
        page.pathOnce("/login");
        fits(page, "the sign-in page");
        page.fill("#username", user);
        page.fill("#password", TestApplication.PASSWORD);
        page.click("button[type=submit]");
        page.pathOnce(path);
        fits(page, path);
        return page;
    }

    /** Nothing wider than the phone: no sideways scrolling. */
    private static void fits(Chromium.Page page, String what) {
        assertThat(Integer.parseInt(page.eval("String(document.documentElement.scrollWidth)")))
                .as("%s scrolls sideways at %d px", what, PHONE_WIDTH)
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    /** Opens the dossier's task from the workspace list, checking its name there. */
    private static void openTask(Chromium.Page page, String code, String taskName) {
        String item = "#tasks li[data-dossier=\"" + code + "\"]";
        assertThat(page.textOnceShown(item, s -> s.contains(taskName))).contains(APPLICANT);
        page.click(item + " h2 a");
        page.pathOnce("/can-bo/viec/");
    }

    private static void formReady(Chromium.Page page) {
        page.once(
                "document.querySelector('#complete') && !document.querySelector('#complete').disabled ? 'y' : ''"
                        + " + (document.querySelector('#form-error') ? document.querySelector('#form-error').textContent : '')",
                s -> !s.isBlank());
        assertThat(page.eval("document.querySelector('#form-error').textContent"))
                .isEmpty();
    }

    /** Completes the task through its form; the page then goes back to the workspace, or shows why not. */
    private static void complete(Chromium.Page page) {
        page.click("#complete");
        assertThat(page.once(
                        "location.search.includes('xong=1') ? 'done'"
                                + " : (document.querySelector('#form-error') || {}).textContent || ''",
                        s -> !s.isBlank()))
                .isEqualTo("done");
        fits(page, "the workspace after a task");
    }

    private static void tick(Chromium.Page page, String label) {
        tick(page, "#task-form", label);
    }

    /** Clicks the form-js checkbox or radio option in {@code form} whose label starts with {@code label}. */
    private static void tick(Chromium.Page page, String form, String label) {
        page.click("[id=\"" + fieldId(page, form, label) + "\"]");
    }

    private static void fill(Chromium.Page page, String label, String value) {
        fillIn(page, "#task-form", label, value);
    }

    /** Types into the form-js field in {@code form} whose label starts with {@code label}. */
    private static void fillIn(Chromium.Page page, String form, String label, String value) {
        page.type("[id=\"" + fieldId(page, form, label) + "\"]", value);
    }

    /** The id of the field labelled {@code label}, once form-js shows it (a field may appear after a choice). */
    private static String fieldId(Chromium.Page page, String form, String label) {
        return page.once(
                "(([...document.querySelectorAll('" + form + " label')]"
                        + ".find(l => l.htmlFor && l.textContent.trim().startsWith(" + quoted(label) + "))"
                        + " || {}).htmlFor || '')",
                id -> !id.isBlank());
    }

    /**
     * Types a date into form-js's date field as a person does: in the order its placeholder shows (the browser's
     * locale: dd/mm/yyyy on a Vietnamese phone), then Enter, on which the date picker reads what was typed.
     */
    private static void date(Chromium.Page page, String selector, int day, int month, int year) {
        String input = "document.querySelector(" + quoted(selector) + ")";
        String typed = page.eval("(() => { const e = " + input + "; e.focus(); const v = e.placeholder.toLowerCase()"
                + ".replace('dd', '" + String.format("%02d", day) + "').replace('mm', '"
                + String.format("%02d", month) + "').replace('yyyy', '" + year + "');"
                + " Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(e, v);"
                + " e.dispatchEvent(new Event('input', {bubbles: true})); return v; })()");
        assertThat(typed).contains(String.valueOf(year));
        page.eval("(() => { " + input + ".dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter',"
                + " keyCode: 13, which: 13, bubbles: true})); return ''; })()");
        page.waitUntil(
                "String((" + input + "._flatpickr.selectedDates[0] || {getTime: () => ''}).getTime())",
                time -> !time.isEmpty());
        assertThat(page.eval("(d => [d.getDate(), d.getMonth() + 1, d.getFullYear()].join('/'))(" + input
                        + "._flatpickr.selectedDates[0])"))
                .isEqualTo(day + "/" + month + "/" + year);
        page.eval("(() => { " + input + ".blur(); return ''; })()");
    }

    private static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    /** The one finished download in {@code folder} (Chromium writes a .crdownload first), or null. */
    private static Path downloaded(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> done = files.filter(p -> !p.getFileName().toString().endsWith(".crdownload"))
                    .toList();
            return done.size() == 1 && Files.size(done.get(0)) > 0 ? done.get(0) : null;
        }
    }

    /** What poppler's pdfsig says of the file (the test CA's chain is not in its store: the digest is checked). */
    private static String pdfsig(Path pdf) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/pdfsig", pdf.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static int status(String code) {
        return app.bean(JdbcTemplate.class)
                .queryForObject("select public_status from dossier where code = ?", Integer.class, code);
    }
}
