package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureTestSupport.deployProcedures;
import static vn.motcua.procedures.ProcedureTestSupport.dossier;
import static vn.motcua.procedures.ProcedureTestSupport.lastEvent;
import static vn.motcua.procedures.ProcedureTestSupport.pdf;
import static vn.motcua.procedures.ProcedureTestSupport.requests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.CalendarYear;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.DueDateRule;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.deadline.ApologyLetter;
import vn.motcua.deadline.DeadlineProperties;
import vn.motcua.deadline.DeadlineRecalculation;
import vn.motcua.deadline.DeadlineRepository;
import vn.motcua.deadline.DeadlineRepository.Deadline;
import vn.motcua.deadline.DeadlineRepository.Pause;
import vn.motcua.deadline.DeadlineWarningDelegate;
import vn.motcua.deadline.DossierDeadlines;
import vn.motcua.document.QrContent;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.DossierChanges;
import vn.motcua.dossier.DossierLifecycle;
import vn.motcua.dossier.DossierLifecycle.StatusChange;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.dossier.StoredDocument;
import vn.motcua.engine.EngineClock;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.stats.OnTimeStatistics;
import vn.motcua.testing.ProcessTestPlatform;
import vn.motcua.testing.QrReaders;
import vn.motcua.testing.RequiredTool;
import vn.motcua.testing.TestDocuments;

/**
 * Deadlines with the engine clock moved: due dates across Tết and a swapped Saturday, a receipt at 16:30, a
 * pause for supplementation, the warning and escalation timers firing at their moment, recalculation when
 * the calendar changes, and on-time statistics on a known set. Uses "Chứng thực bản sao" (same working day).
 */
class DeadlinesProcessTest {

    private static final String KEY = "chung-thuc-ban-sao";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    @BeforeAll
    static void deploy() {
        deployProcedures();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void receivedAt1630ASameDayDossierIsDueAtTheCloseOfTheNextWorkingDayAndTheTimersWaitForIt() {
        ProcessInstance instance = receivedAt("2026-03-10T16:30");

        Deadline deadline = deadline(instance);
        assertThat(deadline.timeLimitWorkingDays()).isZero();
        assertThat(local(deadline.dueAt())).isEqualTo("2026-03-11T17:00");
        assertThat(runtime().getVariable(instance.getId(), DossierDeadlines.VAR_DUE_DATE))
                .isEqualTo(Date.from(deadline.dueAt()));
        assertThat(local(timer(instance, DossierDeadlines.ACTIVITY_DUE_TIMER).getDuedate()))
                .isEqualTo("2026-03-11T17:00");
        // One working day before the due moment: this evening's close, after the receipt.
        assertThat(local(
                        timer(instance, DossierDeadlines.ACTIVITY_WARNING_TIMER).getDuedate()))
                .isEqualTo("2026-03-10T17:00");
    }

    @Test
    void aDossierReceivedAfterTheCutOffOnTheFridayBeforeTetIsDueAfterTet() {
        ProcessInstance instance = receivedAt("2026-02-13T15:30");

        assertThat(local(deadline(instance).dueAt())).isEqualTo("2026-02-23T17:00");
        assertThat(local(timer(instance, DossierDeadlines.ACTIVITY_DUE_TIMER).getDuedate()))
                .isEqualTo("2026-02-23T17:00");
    }

    @Test
    void theSaturdayWorkedForASwappedFridayIsAWorkingDay() {
        ProcessInstance instance = receivedAt("2026-01-09T15:10");

        assertThat(local(deadline(instance).dueAt())).isEqualTo("2026-01-10T17:00");
    }

    @Test
    void theWarningGoesToTheClerkThenTheEscalationToTheLeaderWithAnApologyLetter() throws Exception {
        ProcessInstance instance = receivedAt("2026-03-10T09:00");
        assertThat(local(
                        timer(instance, DossierDeadlines.ACTIVITY_WARNING_TIMER).getDuedate()))
                .isEqualTo("2026-03-10T13:00");

        at("2026-03-10T12:59");
        assertThat(dueJobs(instance)).as("nothing is due before the warning").isEmpty();
        at("2026-03-10T13:00");
        assertThat(dueJobs(instance))
                .extracting(this::activityOf)
                .containsExactly(DossierDeadlines.ACTIVITY_WARNING_TIMER);
        management().executeJob(dueJobs(instance).get(0).getId());

        Task certify = taskAt(instance, "UserTask_CertifyCopies");
        assertThat(certify.getPriority()).isEqualTo(DeadlineWarningDelegate.WARNING_PRIORITY);
        assertThat(certify.getDueDate()).isEqualTo(Date.from(deadline(instance).dueAt()));
        assertThat(deadline(instance).late()).isFalse();

        at("2026-03-10T17:00");
        assertThat(dueJobs(instance)).extracting(this::activityOf).containsExactly(DossierDeadlines.ACTIVITY_DUE_TIMER);
        management().executeJob(dueJobs(instance).get(0).getId());

        Deadline late = deadline(instance);
        assertThat(late.late()).isTrue();
        // Two working days from 17:00 Tuesday count from Wednesday's opening: Friday 07:30.
        assertThat(local(late.extendedDueAt())).isEqualTo("2026-03-13T07:30");
        Task leader = taskAt(instance, "UserTask_HandleOverdueDossier");
        assertThat(leader).isNotNull();
        assertThat(ProcessTestPlatform.bean(TaskService.class).getIdentityLinksForTask(leader.getId()))
                .extracting(link -> link.getGroupId())
                .containsExactly(ProcedureTestSupport.LEADER);
        assertThat(instance).isWaitingAt("UserTask_CertifyCopies", "UserTask_HandleOverdueDossier");
        assertThat(lastEvent(instance).publicMessage())
                .isEqualTo("Hồ sơ chưa được giải quyết đúng hẹn. Ngày hẹn trả kết quả mới: 07:30 ngày 13/03/2026.");
        assertThat(notifications(instance))
                .contains("sms: Ho so " + instance.getBusinessKey()
                        + " cham tra ket qua. Ho so chua duoc giai quyet dung hen. Ngay hen tra ket qua moi: 07:30 ngay 13/03/2026."
                        + " Xin loi Ong/Ba vi su cham tre.");

        StoredDocument letter = documents(instance).stream()
                .filter(d -> d.documentCode().equals(ApologyLetter.DOCUMENT_CODE))
                .findFirst()
                .orElseThrow();
        assertThat(letter.contentType()).isEqualTo("application/pdf");
        byte[] pdf = ProcessTestPlatform.bean(JdbcTemplate.class)
                .queryForObject("select content from dossier_document where id = ?", byte[].class, letter.id());
        String text = pdfText(pdf);
        assertThat(text)
                .contains(
                        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
                        "Kính gửi: Ông/Bà Nguyễn Văn Đoàn",
                        instance.getBusinessKey(),
                        "Chứng thực bản sao từ bản chính",
                        "07 giờ 30 phút, ngày 13/03/2026",
                        "UBND xã Thử Nghiệm");
        // The QR code of Thông tư 01/2023/TT-VPCP at the top left carries the new appointment.
        QrReaders.Found qr = QrReaders.zbarimg(pdf);
        assertThat(qr.topLeft()).isTrue();
        QrContent content = QrContent.parse(qr.text()).orElseThrow();
        assertThat(content.dossierCode()).isEqualTo(instance.getBusinessKey());
        assertThat(content.documentName()).isEqualTo(ApologyLetter.DOCUMENT_NAME);
        assertThat(content.appointment()).isEqualTo(LocalDateTime.parse("2026-03-13T07:30"));

        // Finishing the dossier afterwards produces no second letter.
        long lettersBefore = documents(instance).stream()
                .filter(d -> d.documentCode().equals("phieu-xin-loi"))
                .count();

        // The dossier is finished late; the leader's task stays until the leader answers it.
        complete(
                taskAt(instance, "UserTask_CertifyCopies"),
                Map.of("certificationNumber", "7/2026", "originalMatches", true));
        complete(taskAt(instance, "UserTask_ApproveResult"), Map.of("approved", true));
        ProcedureTestSupport.signResult(instance);
        complete(
                taskAt(instance, "UserTask_HandleOverdueDossier"),
                Map.of("overdueInstruction", "Trả ngay trong sáng mai"));
        complete(taskAt(instance, "UserTask_ReturnResult"), Map.of("resultReceivedBy", "Nguyễn Văn Đoàn"));
        assertThat(instance)
                .isEnded()
                .hasPassed("ServiceTask_MarkLate", "EndEvent_OverdueHandled", "EndEvent_ResultReturned");
        assertThat(documents(instance).stream().filter(d -> d.documentCode().equals("phieu-xin-loi")))
                .hasSize((int) lettersBefore);
    }

    @Test
    void aSupplementRequestDuringProcessingPausesTheClockAndTheSupplementMovesTheDueDateAndTheTimers() {
        ProcessInstance instance = receivedAt("2026-03-10T09:00");
        assertThat(local(deadline(instance).dueAt())).isEqualTo("2026-03-10T17:00");
        assertThat(local(taskAt(instance, "UserTask_CertifyCopies").getDueDate()))
                .as("a task carries its dossier's due moment from its creation")
                .isEqualTo("2026-03-10T17:00");

        at("2026-03-10T10:00");
        changeStatus(instance, PublicStatus.SUPPLEMENT_REQUESTED, "Đề nghị bổ sung bản chính có chứng thực");
        assertThat(pauses(instance)).singleElement().satisfies(p -> {
            assertThat(local(p.startedAt())).isEqualTo("2026-03-10T10:00");
            assertThat(p.endedAt()).isNull();
        });
        assertThat(timer(instance, DossierDeadlines.ACTIVITY_DUE_TIMER).isSuspended())
                .isTrue();
        at("2026-03-10T17:30");
        assertThat(dueJobs(instance))
                .as("a suspended timer does not fire during the pause")
                .isEmpty();

        // Thursday 10:00: paused 7 h Tuesday + 9.5 h Wednesday + 2.5 h Thursday = 19 working hours.
        at("2026-03-12T10:00");
        changeStatus(instance, PublicStatus.PROCESSING, "Đã nhận giấy tờ bổ sung");

        Pause pause = pauses(instance).get(0);
        assertThat(local(pause.endedAt())).isEqualTo("2026-03-12T10:00");
        assertThat(Duration.ofSeconds(pause.pausedWorkingSeconds())).isEqualTo(Duration.ofHours(19));
        assertThat(local(pause.dueBefore())).isEqualTo("2026-03-10T17:00");
        assertThat(local(pause.dueAfter())).isEqualTo("2026-03-12T17:00");
        assertThat(local(deadline(instance).dueAt())).isEqualTo("2026-03-12T17:00");
        Job due = timer(instance, DossierDeadlines.ACTIVITY_DUE_TIMER);
        assertThat(due.isSuspended()).isFalse();
        assertThat(local(due.getDuedate())).isEqualTo("2026-03-12T17:00");
        assertThat(runtime().getVariable(instance.getId(), DossierDeadlines.VAR_DUE_DATE))
                .isEqualTo(Date.from(deadline(instance).dueAt()));
        assertThat(local(taskAt(instance, "UserTask_CertifyCopies").getDueDate()))
                .as("the open task's due date moves with the dossier's")
                .isEqualTo("2026-03-12T17:00");
    }

    @Test
    void whenTheCalendarChangesThePendingDueDatesAndTimersAreRecalculated() {
        ProcessInstance instance = receivedAt("2026-11-23T16:00");
        assertThat(local(deadline(instance).dueAt())).isEqualTo("2026-11-24T17:00");
        DeadlineRecalculation shipped = ProcessTestPlatform.bean(DeadlineRecalculation.class);
        assertThat(shipped.recalculateIfCalendarChanged())
                .as("the calendar has not changed")
                .isZero();

        // A province declares 24/11/2026 (Ngày Văn hóa Việt Nam) a day off.
        DeadlineRecalculation changed = recalculationWith(withDayOff(LocalDate.of(2026, 11, 24)));
        assertThat(changed.recalculateIfCalendarChanged()).isGreaterThanOrEqualTo(1);
        assertThat(local(deadline(instance).dueAt())).isEqualTo("2026-11-25T17:00");
        assertThat(local(timer(instance, DossierDeadlines.ACTIVITY_DUE_TIMER).getDuedate()))
                .isEqualTo("2026-11-25T17:00");
        assertThat(local(taskAt(instance, "UserTask_CertifyCopies").getDueDate()))
                .isEqualTo("2026-11-25T17:00");
        assertThat(changed.recalculateIfCalendarChanged())
                .as("only once per change")
                .isZero();

        assertThat(shipped.recalculateIfCalendarChanged()).isGreaterThanOrEqualTo(1);
        assertThat(local(deadline(instance).dueAt())).isEqualTo("2026-11-24T17:00");
    }

    @Test
    void onTimeStatisticsCountLateFinishesAndRepeatedSupplementRequestsAsLate() {
        // March 2025, a month no other test uses. Same-day procedure, due at 17:00 of the receipt day.
        finish(receivedAt("2025-03-03T09:00"), "2025-03-03T10:00"); // on time
        finish(receivedAt("2025-03-04T09:00"), "2025-03-05T10:00"); // finished after the due moment
        finish(receivedAfterSupplements("2025-03-05T09:00", 2), "2025-03-05T11:00"); // two supplement requests
        finish(receivedAfterSupplements("2025-03-06T09:00", 1), "2025-03-06T11:00"); // one request: on time
        receivedAt("2025-03-07T09:00"); // still open: not counted

        assertThat(ProcessTestPlatform.bean(OnTimeStatistics.class)
                        .between(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)))
                .containsExactly(
                        new OnTimeStatistics.Row(KEY, ProcessTestPlatform.TEST_AGENCY, "2025-03", 4, 2, 2, 0.5));
    }

    // ---- helpers

    /** Submits at the given local time, accepts the receipt at that moment; the dossier waits for certification. */
    private ProcessInstance receivedAt(String local) {
        at(local);
        ProcessInstance instance = submit();
        complete(taskAt(instance, "UserTask_ReceiveDossier"), Map.of("receiptDecision", "accept"));
        ProcedureTestSupport.payAtDesk(instance);
        assertThat(instance).isWaitingAt("UserTask_CertifyCopies");
        return instance;
    }

    private ProcessInstance receivedAfterSupplements(String local, int requests) {
        at(local);
        ProcessInstance instance = submit();
        for (int i = 0; i < requests; i++) {
            complete(
                    taskAt(instance, "UserTask_ReceiveDossier"),
                    Map.of("receiptDecision", "supplement", "missingDocuments", "Bản chính"));
            requests()
                    .supplement(
                            instance.getBusinessKey(),
                            List.of(new DocumentFile("ban-chinh", "bo-sung.png", "image/png", TestDocuments.png())));
        }
        complete(taskAt(instance, "UserTask_ReceiveDossier"), Map.of("receiptDecision", "accept"));
        ProcedureTestSupport.payAtDesk(instance);
        return instance;
    }

    private void finish(ProcessInstance instance, String local) {
        at(local);
        complete(
                taskAt(instance, "UserTask_CertifyCopies"),
                Map.of("certificationNumber", "1/2025", "originalMatches", true));
        complete(taskAt(instance, "UserTask_ApproveResult"), Map.of("approved", true));
        ProcedureTestSupport.signResult(instance);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.PROCESSED);
    }

    private static ProcessInstance submit() {
        return ProcedureTestSupport.submit(
                KEY,
                new Applicant(
                        "Nguyễn Văn Đoàn",
                        "001090012345",
                        LocalDate.of(1990, 5, 17),
                        "0912345678",
                        "doan@example.vn",
                        "Thôn Đông, xã Thử Nghiệm"),
                Map.of("documentName", "Bằng tốt nghiệp THPT", "copyCount", 1, "pagesPerCopy", 1),
                List.of(pdf("ban-chinh", "bang.pdf")));
    }

    private static void changeStatus(ProcessInstance instance, PublicStatus status, String message) {
        new TransactionTemplate(ProcessTestPlatform.bean(PlatformTransactionManager.class))
                .executeWithoutResult(tx -> ProcessTestPlatform.bean(DossierLifecycle.class)
                        .changeStatus(
                                instance.getBusinessKey(),
                                new StatusChange(status, status.name().toLowerCase(), message, null, "chuyenvien01")));
    }

    private static WorkingCalendar withDayOff(LocalDate date) {
        WorkingCalendar shipped = ProcessTestPlatform.bean(WorkingCalendar.class);
        List<CalendarYear> years = new ArrayList<>();
        for (CalendarYear year : shipped.years()) {
            List<DayOff> days = new ArrayList<>(year.daysOff());
            if (year.year() == date.getYear()) {
                days.add(new DayOff(
                        date, DayOff.Kind.HOLIDAY, "Ngày nghỉ của tỉnh", null, "Quyết định của UBND tỉnh (thử)"));
            }
            years.add(new CalendarYear(year.year(), year.weekend(), days, year.unconfirmed(), "test"));
        }
        return new WorkingCalendar(years, shipped.hours(), shipped.zone());
    }

    private static DeadlineRecalculation recalculationWith(WorkingCalendar calendar) {
        DossierDeadlines deadlines = new DossierDeadlines(
                ProcessTestPlatform.bean(DeadlineRepository.class),
                ProcessTestPlatform.bean(ProcedureCatalog.class),
                new DueDateRule(calendar),
                runtime(),
                management(),
                ProcessTestPlatform.bean(TaskService.class),
                ProcessTestPlatform.bean(DeadlineProperties.class));
        return new DeadlineRecalculation(
                deadlines,
                ProcessTestPlatform.bean(DeadlineRepository.class),
                ProcessTestPlatform.bean(DossierChanges.class),
                ProcessTestPlatform.bean(PlatformTransactionManager.class),
                ProcessTestPlatform.bean(java.time.Clock.class));
    }

    private static void at(String local) {
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.parse(local).atZone(EngineClock.VIETNAM).toInstant()));
    }

    private static String local(Date date) {
        return local(date.toInstant());
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, EngineClock.VIETNAM).toString();
    }

    private static Deadline deadline(ProcessInstance instance) {
        return ProcessTestPlatform.bean(DeadlineRepository.class)
                .deadline(instance.getBusinessKey())
                .orElseThrow();
    }

    private static List<Pause> pauses(ProcessInstance instance) {
        return ProcessTestPlatform.bean(DeadlineRepository.class)
                .pauses(deadline(instance).dossierId());
    }

    private static List<StoredDocument> documents(ProcessInstance instance) {
        return ProcessTestPlatform.bean(DossierRepository.class)
                .documents(dossier(instance).id());
    }

    private static Job timer(ProcessInstance instance, String activityId) {
        return management()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .singleResult();
    }

    /** The timer jobs the job executor would pick up now. */
    private static List<Job> dueJobs(ProcessInstance instance) {
        return management()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .active()
                .list();
    }

    private String activityOf(Job job) {
        return List.of(DossierDeadlines.ACTIVITY_WARNING_TIMER, DossierDeadlines.ACTIVITY_DUE_TIMER).stream()
                .filter(id ->
                        management()
                                .createJobQuery()
                                .processInstanceId(job.getProcessInstanceId())
                                .activityId(id)
                                .list()
                                .stream()
                                .anyMatch(j -> j.getId().equals(job.getId())))
                .findFirst()
                .orElse("?");
    }

    private static Task taskAt(ProcessInstance instance, String taskKey) {
        return ProcessTestPlatform.bean(TaskService.class)
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    private static void complete(Task task, Map<String, Object> variables) {
        ProcessTestPlatform.bean(TaskService.class).complete(task.getId(), variables);
    }

    private static List<String> notifications(ProcessInstance instance) {
        return ProcessTestPlatform.bean(JdbcTemplate.class)
                .query(
                        "select topic, payload from outbox where aggregate_id = ? and topic = 'sms' order by id",
                        (rs, n) -> "sms: " + rs.getString("payload").replaceAll(".*\"text\":\"([^\"]*)\".*", "$1"),
                        instance.getBusinessKey());
    }

    /**
     * The PDF's text as poppler's pdftotext reads it (an independent reader), after qpdf checked its structure.
     * Both tools are required (.ci/run installs them): a missing one fails the test naming its Debian package.
     */
    private static String pdfText(byte[] pdf) throws IOException, InterruptedException {
        Path pdftotext = RequiredTool.require("/usr/bin/pdftotext", "poppler-utils");
        Path qpdf = RequiredTool.require("/usr/bin/qpdf", "qpdf");
        Path file = Files.createTempFile("phieu-xin-loi", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("pdftotext: %s", text).isZero();
            Process check = new ProcessBuilder(qpdf.toString(), "--check", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as("qpdf --check: %s", report).isZero();
            return text.replaceAll("\\s+", " ");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static RuntimeService runtime() {
        return ProcessTestPlatform.bean(RuntimeService.class);
    }

    private static ManagementService management() {
        return ProcessTestPlatform.bean(ManagementService.class);
    }
}
