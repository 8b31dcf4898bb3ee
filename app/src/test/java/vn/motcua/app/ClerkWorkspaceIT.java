package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.app.testing.OnlineSubmission;
import vn.motcua.app.testing.TestApplication;

/**
 * The clerk's workspace in a real headless Chromium on the embedded defaults: more tasks than one page, walked page
 * by page in due-date order with the late and nearly-late marks; and the dossier page offering each reader only the
 * actions they may take (the desk payment form to the receiving desk's clerk, not to the specialist).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClerkWorkspaceIT {

    /** One page and a few more. */
    private static final int TASKS = 55;

    private static final int PAGE_SIZE = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestApplication app;
    private static String base;
    private static int identity = 500;

    @BeforeAll
    static void start() throws IOException {
        app = TestApplication.start(
                "clerk-workspace-it",
                "--motcua.outbox.poll-interval=PT0.2S",
                "--motcua.rate-limits.enabled=false"); // 56 submissions from one address
        base = app.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void aDeskWithMoreTasksThanAPageWalksThemPageByPageEarliestDueFirst() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            codes.add(submit());
        }
        // Due moments (the dossier's, as the deadline feature sets them): the later a dossier came, the earlier it is
        // due; the newest is already late, the one before it nearly late, the oldest has none yet.
        Instant now = Instant.now();
        for (int i = 1; i < TASKS - 2; i++) {
            dueAt(codes.get(i), now.plus(Duration.ofDays(60 + TASKS - i)));
        }
        dueAt(codes.get(TASKS - 2), now.plus(Duration.ofHours(2)));
        dueAt(codes.get(TASKS - 1), now.minus(Duration.ofHours(1)));

        try (Chromium.Page page = Chromium.Page.signedIn(base, "tiepnhan01", "/can-bo/")) {
            assertThat(page.textOnceShown("#task-counts", s -> !s.isBlank()))
                    .contains(TASKS + " công việc")
                    .contains("Quá hạn: 1")
                    .contains("Sắp đến hạn: 1");
            assertThat(page.evaluate("String(document.querySelectorAll('#tasks > li').length)"))
                    .isEqualTo(String.valueOf(PAGE_SIZE));
            assertThat(dossierAt(page, 0)).isEqualTo(codes.get(TASKS - 1));
            assertThat(page.evaluate("document.querySelector('#tasks > li').className"))
                    .contains("late");
            assertThat(page.textOnceShown("#tasks > li:nth-child(1)", s -> !s.isBlank()))
                    .contains("Quá hạn");
            assertThat(dossierAt(page, 1)).isEqualTo(codes.get(TASKS - 2));
            assertThat(page.textOnceShown("#tasks > li:nth-child(2)", s -> !s.isBlank()))
                    .contains("Sắp đến hạn");
            assertThat(dossierAt(page, 2)).isEqualTo(codes.get(TASKS - 3));
            assertThat(page.textOnceShown("#task-pages", s -> !s.isBlank()))
                    .contains("Trang 1/2")
                    .doesNotContain("Trang trước");

            page.click("#task-pages a[rel=next]");
            page.pathOnce("/can-bo/?trang=2");
            assertThat(page.textOnceShown("#task-pages", s -> s.contains("2/2")))
                    .contains("Trang trước");
            assertThat(page.evaluate("String(!!document.querySelector('#task-pages a[rel=next]'))"))
                    .isEqualTo("false");
            assertThat(page.evaluate("String(document.querySelectorAll('#tasks > li').length)"))
                    .isEqualTo(String.valueOf(TASKS - PAGE_SIZE));
            // the last of all: the dossier without a due date yet, after every dated one
            int last = TASKS - PAGE_SIZE - 1;
            assertThat(dossierAt(page, last)).isEqualTo(codes.get(0));
            assertThat(page.textOnceShown("#tasks > li:last-child", s -> !s.isBlank()))
                    .contains("Chưa tính hạn");
            assertThat(dossierAt(page, last - 1)).isEqualTo(codes.get(1));
            // the counts cover every page
            assertThat(page.textOnceShown("#task-counts", s -> !s.isBlank())).contains("Quá hạn: 1");
            // and the page, its page links included, still fits a 360 px phone
            page.viewport(360, 800);
            assertThat(page.once("String(document.documentElement.clientWidth)", "360"::equals))
                    .isEqualTo("360");
            assertThat(page.evaluate("String(document.documentElement.scrollWidth)"))
                    .as("nothing wider than a 360 px phone")
                    .isEqualTo("360");

            page.click("#task-pages a[rel=prev]");
            page.pathOnce("/can-bo/?trang=1");
            assertThat(dossierAt(page, 0)).isEqualTo(codes.get(TASKS - 1));
        }
    }

    /**
     * A dossier's due moment, set where the deadline clock sets it: on the dossier and, as the engine's due date, on
     * its open task (the workspace sorts and counts by the latter).
     */
    private static void dueAt(String code, Instant due) {
        app.bean(JdbcTemplate.class).update("update dossier set due_at = ? where code = ?", Timestamp.from(due), code);
        TaskService tasks = app.bean(TaskService.class);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        task.setDueDate(Date.from(due));
        tasks.saveTask(task);
    }

    @Test
    @Order(2)
    void theDossierPageOffersTheDeskPaymentFormOnlyToThoseWhoMayRecordIt() throws Exception {
        String code = submit();
        TaskService tasks = app.bean(TaskService.class);
        tasks.complete(
                tasks.createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .singleResult()
                        .getId(),
                Map.of("receiptDecision", "accept"));
        assertThat(app.bean(JdbcTemplate.class)
                        .queryForObject("select public_status from dossier where code = ?", Integer.class, code))
                .as("the fee is asked")
                .isEqualTo(6);

        // The specialist of the competent agency reads the dossier and its payment, but takes no fee at a counter.
        try (Chromium.Page page = Chromium.Page.signedIn(base, "chuyenvien01", "/can-bo/ho-so/" + code)) {
            assertThat(page.textOnceShown("#dossier", s -> s.contains("Chờ nộp")))
                    .contains("2.000 đ");
            assertThat(page.evaluate("String(document.querySelectorAll('form.cb-desk-payment').length)"))
                    .isEqualTo("0");
        }
        // The receiving desk's clerk is offered the form.
        try (Chromium.Page page = Chromium.Page.signedIn(base, "tiepnhan01", "/can-bo/ho-so/" + code)) {
            assertThat(page.textOnceShown("#dossier", s -> s.contains("Chờ nộp")))
                    .contains("2.000 đ");
            assertThat(page.evaluate("document.querySelector('form.cb-desk-payment').dataset.action"))
                    .isEqualTo("/api/dossiers/" + code + "/payments/desk");
        }
    }

    private static String dossierAt(Chromium.Page page, int index) {
        return page.evaluate("document.querySelectorAll('#tasks > li')[" + index + "].dataset.dossier");
    }

    /** A certified-copy request at commune A, submitted online with one PDF: a receive task at A's desk. */
    private static String submit() throws Exception {
        String json = """
                {"procedureKey": "chung-thuc-ban-sao", "agencyCode": "000.00.99.H99",
                 "applicant": {"name": "Phạm Thị Lan", "identityNumber": "%s", "phone": "0912345678"},
                 "data": {"documentName": "Bằng tốt nghiệp", "copyCount": 1, "pagesPerCopy": 1}}""".formatted(String.format("00109050%04d", identity++));
        return OnlineSubmission.submit(base, json, "ban-chinh.pdf").path("code").asText();
    }
}
