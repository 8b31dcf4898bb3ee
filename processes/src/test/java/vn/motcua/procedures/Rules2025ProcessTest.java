package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureTestSupport.deployProcedures;
import static vn.motcua.procedures.ProcedureTestSupport.dossier;
import static vn.motcua.procedures.ProcedureTestSupport.pdf;
import static vn.motcua.procedures.ProcedureTestSupport.png;
import static vn.motcua.procedures.ProcedureTestSupport.requests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.agency.AgencyLevel;
import vn.motcua.calendar.TimeLimitKind;
import vn.motcua.deadline.DeadlineRepository;
import vn.motcua.deadline.DeadlineRepository.Deadline;
import vn.motcua.deadline.DossierDeadlines;
import vn.motcua.deadline.TimeLimitExtensionDelegate;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Digitisation;
import vn.motcua.dossier.Digitisation.Stage;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierLifecycle;
import vn.motcua.dossier.DossierLifecycle.StatusChange;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.DossierSubmission.NewDossier;
import vn.motcua.dossier.InvalidSubmissionException;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.engine.EngineClock;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ProcedureDescriptor;
import vn.motcua.procedure.ProcedureDescriptor.LegalBasis;
import vn.motcua.procedure.ProcedureDescriptor.RequiredDocument;
import vn.motcua.procedure.ServiceLevel;
import vn.motcua.stats.ServiceIndices;
import vn.motcua.testing.ProcessTestPlatform;

/**
 * The 2025 rules on the shipped procedures, with the real delegates on real PostgreSQL and the engine clock moved:
 * the judicial record at the provincial police within 10 days (not working days), household business registration
 * at the commune without the lease, the extension of a certified copy, digitisation at receipt and of results, the
 * Quyết định 766/QĐ-TTg indices, and the legal bases every procedure cites (docs/regulation.md).
 */
class Rules2025ProcessTest {

    private static final String JUDICIAL_RECORD = "cap-phieu-ly-lich-tu-phap";
    private static final String COPIES = "chung-thuc-ban-sao";
    private static final String HOUSEHOLD_BUSINESS = "dang-ky-ho-kinh-doanh";
    private static final String BIRTH = "dang-ky-khai-sinh";
    private static final Applicant CITIZEN = new Applicant(
            "Đỗ Quang Huy",
            "001099034567",
            LocalDate.of(1999, 11, 2),
            "0987111222",
            "huy@example.vn",
            "Số 5 ngõ 3, phường Thử Nghiệm");

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
    void theJudicialRecordIsDecidedByTheProvincialPoliceWithinTenDaysNotWorkingDays() {
        at("2026-03-05T10:00");
        ProcessInstance instance = judicialRecordReceived();

        assertThat(dossier(instance).competentAgencyCode()).isEqualTo(ProcessTestPlatform.TEST_POLICE);
        Deadline deadline = deadline(instance);
        assertThat(deadline.timeLimitKind()).isEqualTo(TimeLimitKind.CALENDAR);
        assertThat(deadline.timeLimitDays()).isEqualTo(10);
        // Ten days on is Sunday 15/03: the period runs to the close of Monday.
        assertThat(local(deadline.dueAt())).isEqualTo("2026-03-16T17:00");
        assertThat(local(timer(instance, DossierDeadlines.ACTIVITY_DUE_TIMER).getDuedate()))
                .isEqualTo("2026-03-16T17:00");
    }

    @Test
    void aSupplementPauseStopsTheTenDayClockForTheTimeItLasted() {
        at("2026-03-10T09:00");
        ProcessInstance instance = judicialRecordReceived();
        assertThat(local(deadline(instance).dueAt())).isEqualTo("2026-03-20T09:00");

        at("2026-03-11T10:00");
        changeStatus(instance, PublicStatus.SUPPLEMENT_REQUESTED);
        at("2026-03-13T16:00");
        changeStatus(instance, PublicStatus.PROCESSING);

        // 54 hours later than Fri 20/03 09:00 is Sunday 22/03: the close of Monday.
        assertThat(local(deadline(instance).dueAt())).isEqualTo("2026-03-23T17:00");
        assertThat(ProcessTestPlatform.bean(DeadlineRepository.class)
                        .pauses(dossier(instance).id())
                        .get(0)
                        .pausedWorkingSeconds())
                .isEqualTo(Duration.ofHours(54).toSeconds());
    }

    @Test
    void householdBusinessIsDecidedAtTheCommuneAndALeaseOfThePremisesIsNotOneOfItsDocuments() {
        ProcedureDescriptor procedure = descriptor(HOUSEHOLD_BUSINESS);
        assertThat(procedure.agencyLevel()).isEqualTo(AgencyLevel.COMMUNE);
        assertThat(procedure.requiredDocuments())
                .extracting(RequiredDocument::code)
                .containsExactly("giay-to-phap-ly-chu-ho", "bien-ban-hop-thanh-vien", "van-ban-uy-quyen-chu-ho");
        assertThat(procedure.unconfirmed())
                .anySatisfy(fact -> assertThat(fact.about()).isEqualTo("nationalCode"));
        assertThat(procedure.legalBasis())
                .anySatisfy(basis -> assertThat(basis.number())
                        .isEqualTo("168/2025/NĐ-CP")
                        .satisfies(n -> assertThat(basis.articles()).contains("Điều 20 khoản 2")));

        Map<String, Object> data = householdBusinessData();
        assertThatThrownBy(() -> ProcedureTestSupport.submit(
                        HOUSEHOLD_BUSINESS,
                        CITIZEN,
                        data,
                        List.of(
                                pdf("giay-to-phap-ly-chu-ho", "can-cuoc.pdf"),
                                pdf("hop-dong-thue-dia-diem", "hop-dong-thue.pdf"))))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("documents.hop-dong-thue-dia-diem"));
    }

    @Test
    void birthRegistrationIsAFullOnlineServiceSinceTheRegistrantNoLongerSignsTheRegister() {
        ProcedureDescriptor procedure = descriptor(BIRTH);
        assertThat(procedure.serviceLevel()).isEqualTo(ServiceLevel.FULL_ONLINE);
        assertThat(procedure.serviceLevel().nameVi()).isEqualTo("Dịch vụ công trực tuyến toàn trình");
        assertThat(procedure.unconfirmed())
                .anySatisfy(fact -> assertThat(fact.about()).isEqualTo("serviceLevel"));
        assertThat(descriptor(COPIES).serviceLevel().nameVi()).isEqualTo("Dịch vụ công trực tuyến một phần");
    }

    @Test
    void theReceivingClerkExtendsACertifiedCopyByTwoWorkingDaysWithAReasonTheCitizenSees() {
        at("2026-03-10T14:00");
        ProcessInstance instance = copiesSubmitted();

        complete(
                taskAt(instance, "UserTask_ReceiveDossier"),
                Map.of(
                        "receiptDecision",
                        "accept",
                        TimeLimitExtensionDelegate.VAR_EXTENSION_WORKING_DAYS,
                        2,
                        TimeLimitExtensionDelegate.VAR_EXTENSION_REASON,
                        "Chứng thực 40 bản sao, mỗi bản 12 trang"));
        ProcedureTestSupport.payAtDesk(instance);

        assertThat(instance).isWaitingAt("UserTask_CertifyCopies");
        Deadline deadline = deadline(instance);
        assertThat(deadline.extensionWorkingDays()).isEqualTo(2);
        assertThat(local(deadline.dueAt())).isEqualTo("2026-03-12T17:00");
        assertThat(local(dossier(instance).dueAt())).isEqualTo("2026-03-12T17:00");
        assertThat(local(timer(instance, DossierDeadlines.ACTIVITY_DUE_TIMER).getDuedate()))
                .isEqualTo("2026-03-12T17:00");
        // On the citizen's timeline, between the receipt and the start of processing.
        List<DossierEvent> timeline = ProcedureTestSupport.events(instance);
        assertThat(timeline)
                .extracting(DossierEvent::internalStep)
                .containsSubsequence("received", TimeLimitExtensionDelegate.STEP, "certifying");
        assertThat(timeline)
                .filteredOn(e -> TimeLimitExtensionDelegate.STEP.equals(e.internalStep()))
                .singleElement()
                .extracting(DossierEvent::publicMessage)
                .isEqualTo("Thời hạn giải quyết được kéo dài thêm 2 ngày làm việc; hẹn trả kết quả lúc 17:00 ngày "
                        + "12/03/2026. Lý do: Chứng thực 40 bản sao, mỗi bản 12 trang");
    }

    @Test
    void anExtensionBeyondTwoWorkingDaysOrWithoutAReasonIsRefusedAndTheReceiptDoesNotHappen() {
        at("2026-03-10T14:00");
        ProcessInstance instance = copiesSubmitted();
        Task receipt = taskAt(instance, "UserTask_ReceiveDossier");

        assertThatThrownBy(() -> complete(
                        receipt,
                        Map.of(
                                "receiptDecision",
                                "accept",
                                TimeLimitExtensionDelegate.VAR_EXTENSION_WORKING_DAYS,
                                3,
                                TimeLimitExtensionDelegate.VAR_EXTENSION_REASON,
                                "Nhiều trang")))
                .hasStackTraceContaining("may be extended by 1 to 2 working days, not 3");
        assertThatThrownBy(() -> complete(
                        receipt,
                        Map.of("receiptDecision", "accept", TimeLimitExtensionDelegate.VAR_EXTENSION_WORKING_DAYS, 1)))
                .hasStackTraceContaining("an extension needs a reason");

        assertThat(instance).isWaitingAt("UserTask_ReceiveDossier");
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.NEW);
        assertThat(deadline(instance).dueAt()).isNull();
    }

    @Test
    void theReceiptTaskRecordsEachScannedPaperDocumentAndRefusesOneWhoseFileIsNotAttached() {
        at("2026-03-10T09:00");
        ProcessInstance instance = copiesSubmitted();
        Task receipt = taskAt(instance, "UserTask_ReceiveDossier");

        assertThatThrownBy(() -> complete(
                        receipt, Map.of("receiptDecision", "accept", Digitisation.scannedVariable("ban-sao"), true)))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::message)
                                .containsExactly("'ban-sao' is recorded as scanned but no file of it is attached"));
        assertThat(digitised(instance)).isEmpty();

        complete(
                receipt,
                Map.of(
                        "receiptDecision",
                        "accept",
                        Digitisation.scannedVariable("ban-chinh"),
                        true,
                        Digitisation.scannedVariable("ban-sao"),
                        false));

        assertThat(digitised(instance))
                .extracting(Digitisation.Record::documentCode, Digitisation.Record::stage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ban-chinh", Stage.RECEIPT));
    }

    @Test
    void aDeskClerkRecordsTheScansAtIntakeButAnOnlineSubmissionHasNoPaperToScan() {
        at("2026-03-10T09:00");
        Dossier desk = deskCopies(List.of("ban-chinh"));
        assertThat(ProcessTestPlatform.bean(Digitisation.class).of(desk.id()))
                .extracting(Digitisation.Record::documentCode, Digitisation.Record::recordedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ban-chinh", "tiepnhan01"));

        assertThatThrownBy(() -> ProcessTestPlatform.bean(DossierSubmission.class)
                        .submit(new NewDossier(
                                COPIES,
                                CITIZEN,
                                ProcessTestPlatform.TEST_AGENCY,
                                null,
                                null,
                                Channel.ONLINE,
                                copiesData(),
                                List.of(pdf("ban-chinh", "bang.pdf")),
                                "citizen",
                                List.of("ban-chinh", "giay-khac"))))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::message)
                                .contains(
                                        "only a paper dossier (desk or post) is scanned",
                                        "'giay-khac' is not a document of this procedure [ban-chinh, ban-sao]"));
    }

    @Test
    void theIndicesOf766CountReceiptsOnlineDigitisedOnTimeAndDigitisedResultsPerAgencyAndMonth() {
        // June 2025 belongs to this test alone.
        at("2025-06-03T09:00");
        ProcessInstance online = copiesSubmitted();
        complete(taskAt(online, "UserTask_ReceiveDossier"), Map.of("receiptDecision", "accept"));
        ProcedureTestSupport.payAtDesk(online);
        requests().attachResult(online.getBusinessKey(), List.of(pdf("ket-qua", "ban-sao.pdf")), "chuyenvien01");
        finishCopies(online, "2025-06-03T10:00");

        at("2025-06-04T09:00");
        ProcessInstance late = instanceOf(deskCopies(List.of("ban-chinh")));
        complete(taskAt(late, "UserTask_ReceiveDossier"), Map.of("receiptDecision", "accept"));
        ProcedureTestSupport.payAtDesk(late);
        finishCopies(late, "2025-06-05T10:00");

        at("2025-06-05T09:00");
        ProcessInstance open = instanceOf(deskCopies(List.of()));
        complete(taskAt(open, "UserTask_ReceiveDossier"), Map.of("receiptDecision", "accept"));
        ProcedureTestSupport.payAtDesk(open);

        assertThat(digitised(online)).extracting(Digitisation.Record::stage).containsExactly(Stage.RESULT);
        List<ServiceIndices.Row> rows = ProcessTestPlatform.bean(ServiceIndices.class)
                .between(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
        assertThat(rows)
                .containsExactly(new ServiceIndices.Row(
                        ProcessTestPlatform.TEST_AGENCY,
                        "UBND xã Thử Nghiệm",
                        "2025-06",
                        3,
                        1,
                        1.0 / 3,
                        2,
                        2.0 / 3,
                        2,
                        1,
                        1,
                        0.5,
                        // Both finished dossiers went through ${produceResult} and ${signResult}: a result produced
                        // as a file (digitised) and signed (issued electronically).
                        2,
                        1.0,
                        2,
                        1.0,
                        // the three fees were paid at the desk: none online
                        3,
                        0,
                        0.0));
    }

    @Test
    void aResultReturnedElectronicallyCountsAsFinishedOnTimeAndIssuedElectronically() {
        // July 2025 belongs to this test alone: a birth registration whose citizen chose the electronic result.
        at("2025-07-07T09:00");
        ProcedureLifecycle birth = DangKyKhaiSinhProcessTest.LIFECYCLE;
        ProcessInstance instance = birth.submit().get();
        ProcedureTestSupport.chooseDelivery(instance, "ONLINE");
        complete(taskAt(instance, "UserTask_ReceiveDossier"), birth.accept());
        at("2025-07-07T14:00");
        birth.toResultReady().accept(instance);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.RESULT_RETURNED);

        List<ServiceIndices.Row> rows = ProcessTestPlatform.bean(ServiceIndices.class)
                .between(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31));
        assertThat(rows)
                .extracting(
                        ServiceIndices.Row::month,
                        ServiceIndices.Row::finished,
                        ServiceIndices.Row::onTime,
                        ServiceIndices.Row::late,
                        ServiceIndices.Row::resultsElectronic,
                        ServiceIndices.Row::resultsElectronicRate)
                .as("returned at 10 without the desk: finished when processed (9), on time, issued electronically")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-07", 1L, 1L, 0L, 1L, 1.0));
    }

    @Test
    void everyShippedProcedureCitesItsLegalBasesWithNumberDateAndArticlesOrFlagsThemUnconfirmed() {
        for (var procedure : ProcessTestPlatform.bean(ProcedureCatalog.class).latest()) {
            ProcedureDescriptor d = procedure.descriptor();
            assertThat(d.legalBasis()).as(d.key()).isNotEmpty();
            for (LegalBasis basis : d.legalBasis()) {
                String what = d.key() + ": " + basis.number();
                assertThat(basis.number()).as(what).isNotBlank();
                assertThat(basis.title()).as(what).isNotBlank();
                if (basis.unconfirmed()) {
                    assertThat(basis.note())
                            .as(what + " says what is not confirmed")
                            .isNotBlank();
                } else {
                    assertThat(basis.date()).as(what + " date").isNotBlank();
                    assertThat(basis.articles()).as(what + " articles").isNotBlank();
                }
            }
            assertThat(d.timeLimit().kind()).as(d.key()).isNotNull();
        }
        assertThat(descriptor(JUDICIAL_RECORD).timeLimit())
                .isEqualTo(new ProcedureDescriptor.TimeLimit(10, TimeLimitKind.CALENDAR, 0));
        assertThat(descriptor(JUDICIAL_RECORD).agencyLevel()).isEqualTo(AgencyLevel.POLICE);
        assertThat(descriptor(COPIES).timeLimit())
                .isEqualTo(new ProcedureDescriptor.TimeLimit(0, TimeLimitKind.WORKING, 2));
    }

    private static ProcessInstance judicialRecordReceived() {
        ProcessInstance instance = ProcedureTestSupport.submit(
                JUDICIAL_RECORD, CITIZEN, judicialRecordData(), List.of(png("giay-to-tuy-than", "can-cuoc.png")));
        complete(taskAt(instance, "UserTask_ReceiveDossier"), Map.of("receiptDecision", "accept"));
        ProcedureTestSupport.payAtDesk(instance);
        assertThat(instance).isWaitingAt("UserTask_CheckCriminalRecord");
        return instance;
    }

    private static ProcessInstance copiesSubmitted() {
        return ProcedureTestSupport.submit(COPIES, CITIZEN, copiesData(), List.of(pdf("ban-chinh", "bang.pdf")));
    }

    private static Dossier deskCopies(List<String> scanned) {
        return ProcessTestPlatform.bean(DossierSubmission.class)
                .submit(new NewDossier(
                        COPIES,
                        CITIZEN,
                        ProcessTestPlatform.TEST_AGENCY,
                        null,
                        null,
                        Channel.DESK,
                        copiesData(),
                        List.<DocumentFile>of(pdf("ban-chinh", "ban-chinh-scan.pdf")),
                        "tiepnhan01",
                        scanned))
                .dossier();
    }

    private static void finishCopies(ProcessInstance instance, String local) {
        at(local);
        complete(
                taskAt(instance, "UserTask_CertifyCopies"),
                Map.of("certificationNumber", "1/2025", "originalMatches", true));
        complete(taskAt(instance, "UserTask_ApproveResult"), Map.of("approved", true));
        ProcedureTestSupport.signResult(instance);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.PROCESSED);
    }

    private static Map<String, Object> copiesData() {
        return Map.of("documentName", "Bằng tốt nghiệp THPT", "copyCount", 1, "pagesPerCopy", 1);
    }

    /** The judicial-record test's request, for one certificate. */
    private static Map<String, Object> judicialRecordData() {
        Map<String, Object> data = new HashMap<>(CapPhieuLyLichTuPhapProcessTest.validData());
        data.put("copyCount", 1);
        return data;
    }

    /** The household-business test's registration, on rented premises (whose lease the law does not ask for). */
    private static Map<String, Object> householdBusinessData() {
        Map<String, Object> data = new HashMap<>(DangKyHoKinhDoanhProcessTest.validData());
        data.put("premisesRented", true);
        return data;
    }

    private static ProcedureDescriptor descriptor(String key) {
        return ProcessTestPlatform.bean(ProcedureCatalog.class)
                .latest(key)
                .orElseThrow()
                .descriptor();
    }

    private static ProcessInstance instanceOf(Dossier dossier) {
        return ProcessTestPlatform.engine()
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(dossier.code())
                .singleResult();
    }

    private static List<Digitisation.Record> digitised(ProcessInstance instance) {
        return ProcessTestPlatform.bean(Digitisation.class).of(dossier(instance).id());
    }

    private static void changeStatus(ProcessInstance instance, PublicStatus status) {
        new TransactionTemplate(ProcessTestPlatform.bean(PlatformTransactionManager.class))
                .executeWithoutResult(tx -> ProcessTestPlatform.bean(DossierLifecycle.class)
                        .changeStatus(
                                instance.getBusinessKey(),
                                new StatusChange(status, status.name().toLowerCase(), null, null, "chuyenvienca01")));
    }

    private static Deadline deadline(ProcessInstance instance) {
        return ProcessTestPlatform.bean(DeadlineRepository.class)
                .deadline(instance.getBusinessKey())
                .orElseThrow();
    }

    private static Job timer(ProcessInstance instance, String activityId) {
        return ProcessTestPlatform.bean(ManagementService.class)
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
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
}
