package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.motcua.dossier.PublicStatus.AWAITING_FINANCIAL_OBLIGATION;
import static vn.motcua.dossier.PublicStatus.NEW;
import static vn.motcua.dossier.PublicStatus.PROCESSED;
import static vn.motcua.dossier.PublicStatus.PROCESSING;
import static vn.motcua.dossier.PublicStatus.RECEIVED;
import static vn.motcua.dossier.PublicStatus.RESULT_RETURNED;
import static vn.motcua.dossier.PublicStatus.WITHDRAWAL_REQUESTED;
import static vn.motcua.procedures.ProcedureTestSupport.DESK;
import static vn.motcua.procedures.ProcedureTestSupport.LEADER;
import static vn.motcua.procedures.ProcedureTestSupport.SPECIALIST;
import static vn.motcua.procedures.ProcedureTestSupport.countDossiers;
import static vn.motcua.procedures.ProcedureTestSupport.dossier;
import static vn.motcua.procedures.ProcedureTestSupport.endEvents;
import static vn.motcua.procedures.ProcedureTestSupport.lastEvent;
import static vn.motcua.procedures.ProcedureTestSupport.payAtDesk;
import static vn.motcua.procedures.ProcedureTestSupport.pdf;
import static vn.motcua.procedures.ProcedureTestSupport.statusHistory;
import static vn.motcua.procedures.ProcedureTestSupport.timesPassed;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.InvalidSubmissionException;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.testing.ProcessTestPlatform;

/**
 * Every branch of "Đăng ký thành lập hộ kinh doanh", with the real delegates on real PostgreSQL, including
 * the exchange with the tax authority: confirmed, sent back for correction, and late.
 */
class DangKyHoKinhDoanhProcessTest {

    private static final String KEY = "dang-ky-ho-kinh-doanh";
    private static final Applicant OWNER = new Applicant(
            "Phạm Văn Hùng",
            "001088023456",
            LocalDate.of(1988, 3, 9),
            "0903123456",
            "hung@example.vn",
            "Số 12 đường Chợ, xã Thử Nghiệm");
    private static final DocumentFile IDENTITY_PAPERS = pdf("giay-to-phap-ly-chu-ho", "can-cuoc-chu-ho.pdf");
    private static final String TAX_CODE = "8123456789";

    static final ProcedureLifecycle LIFECYCLE = new ProcedureLifecycle(
            KEY,
            DangKyHoKinhDoanhProcessTest::submit,
            withVariables("receiptDecision", "accept"),
            "UserTask_ReviewRegistration",
            instance -> {
                complete(task(instance), reviewed());
                complete(task(instance), withVariables("approved", true));
                complete(task(instance), sentToTaxAuthority());
                complete(task(instance), taxCodeIssued());
            },
            returnedAtTheDesk(),
            List.of(
                    NEW,
                    RECEIVED,
                    AWAITING_FINANCIAL_OBLIGATION,
                    AWAITING_FINANCIAL_OBLIGATION,
                    PROCESSING,
                    PROCESSING,
                    PROCESSED,
                    RESULT_RETURNED),
            "Ngành, nghề đăng ký thuộc danh mục cấm đầu tư kinh doanh",
            "Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh",
            pdf("bien-ban-hop-thanh-vien", "bien-ban-hop.pdf"),
            // While the tax authority is asked, its reply reminder waiting.
            instance -> {
                complete(task(instance), reviewed());
                complete(task(instance), withVariables("approved", true));
                complete(task(instance), sentToTaxAuthority());
            },
            "Chưa thuê được mặt bằng",
            List.of(
                    NEW,
                    RECEIVED,
                    AWAITING_FINANCIAL_OBLIGATION,
                    AWAITING_FINANCIAL_OBLIGATION,
                    PROCESSING,
                    PROCESSING,
                    WITHDRAWAL_REQUESTED),
            instance -> complete(task(instance), reviewed()),
            "Chủ hộ đang bị cấm hoạt động kinh doanh theo bản án",
            true,
            List.of(NEW, RECEIVED, AWAITING_FINANCIAL_OBLIGATION, AWAITING_FINANCIAL_OBLIGATION, PROCESSING));

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    @BeforeAll
    static void deployProcedures() {
        ProcedureTestSupport.deployProcedures();
    }

    @Test
    void anApprovedRegistrationConfirmedByTheTaxAuthorityEndsWithTheResultReturned() {
        ProcessInstance instance = submit();

        assertThat(instance).isWaitingAt("UserTask_ReceiveDossier");
        assertThat(task(instance)).hasCandidateGroup(DESK).isNotAssigned();
        complete(task(instance), withVariables("receiptDecision", "accept"));
        payAtDesk(instance);

        assertThat(instance).isWaitingAt("UserTask_ReviewRegistration");
        assertThat(task(instance)).hasCandidateGroup(SPECIALIST);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSING);
        complete(task(instance), reviewed());

        assertThat(instance).isWaitingAt("UserTask_ApproveRegistration");
        assertThat(task(instance)).hasCandidateGroup(LEADER);
        complete(task(instance), withVariables("approved", true));

        assertThat(instance).isWaitingAt("UserTask_SendToTaxAuthority");
        assertThat(task(instance)).hasCandidateGroup(SPECIALIST).isNotAssigned();
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSING);
        complete(task(instance), sentToTaxAuthority());

        assertThat(instance).isWaitingAt("UserTask_RecordTaxAuthorityReply");
        assertThat(task(instance)).hasCandidateGroup(SPECIALIST);
        assertThat(dossier(instance).internalStep()).isEqualTo("awaiting-tax-authority");
        assertThat(lastEvent(instance).publicMessage()).contains("chuyển sang cơ quan thuế");
        assertThat(overdueTimer(instance).getDuedate().toInstant())
                .isBetween(
                        ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(23)),
                        ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(25)));
        complete(task(instance), taxCodeIssued());

        assertThat(instance).isWaitingAt("UserTask_ReturnResult");
        assertThat(task(instance)).hasCandidateGroup(DESK);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSED);
        assertThat(lastEvent(instance).publicMessage()).endsWith("mã số thuế của hộ kinh doanh: " + TAX_CODE + ".");
        complete(task(instance), returnedAtTheDesk());

        assertThat(instance)
                .isEnded()
                .hasPassedInOrder(
                        "UserTask_ReceiveDossier",
                        "ServiceTask_MarkReceived",
                        "ServiceTask_StartProcessing",
                        "UserTask_ReviewRegistration",
                        "UserTask_ApproveRegistration",
                        "UserTask_SendToTaxAuthority",
                        "ServiceTask_MarkSentToTaxAuthority",
                        "UserTask_RecordTaxAuthorityReply",
                        "ServiceTask_MarkProcessed",
                        "UserTask_ReturnResult",
                        "ServiceTask_MarkResultReturned",
                        "EndEvent_ResultReturned");
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturned");
        Dossier dossier = dossier(instance);
        assertThat(dossier.publicStatus()).isEqualTo(RESULT_RETURNED);
        assertThat(dossier.finishedAt()).isNotNull();
        assertThat(dossier.returnedAt()).isNotNull();
        assertThat(statusHistory(instance))
                .containsExactly(
                        NEW,
                        RECEIVED,
                        AWAITING_FINANCIAL_OBLIGATION,
                        AWAITING_FINANCIAL_OBLIGATION,
                        PROCESSING,
                        PROCESSING,
                        PROCESSED,
                        RESULT_RETURNED);
    }

    @Test
    void leaderSendingBackReturnsTheFileToTheSpecialist() {
        ProcessInstance instance = submit();
        complete(task(instance), withVariables("receiptDecision", "accept"));
        payAtDesk(instance);
        complete(task(instance), reviewed());

        complete(
                task(instance),
                withVariables(
                        "approved", false, "approvalComment", "Tên hộ kinh doanh thiếu cụm từ \"Hộ kinh doanh\""));

        assertThat(instance).isWaitingAt("UserTask_ReviewRegistration").hasNotPassed("UserTask_SendToTaxAuthority");
        assertThat(task(instance)).hasCandidateGroup(SPECIALIST);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSING);
        runToTheEnd(instance);

        assertThat(instance).isEnded();
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturned");
        assertThat(timesPassed(instance, "UserTask_ReviewRegistration")).isEqualTo(2);
        assertThat(timesPassed(instance, "UserTask_SendToTaxAuthority")).isEqualTo(1);
        assertThat(statusHistory(instance))
                .containsExactly(
                        NEW,
                        RECEIVED,
                        AWAITING_FINANCIAL_OBLIGATION,
                        AWAITING_FINANCIAL_OBLIGATION,
                        PROCESSING,
                        PROCESSING,
                        PROCESSED,
                        RESULT_RETURNED);
    }

    @Test
    void theTaxAuthorityAskingForACorrectionSendsTheRegistrationBackThroughReviewAndApproval() {
        ProcessInstance instance = submit();
        complete(task(instance), withVariables("receiptDecision", "accept"));
        payAtDesk(instance);
        complete(task(instance), reviewed());
        complete(task(instance), withVariables("approved", true));
        complete(task(instance), sentToTaxAuthority());

        complete(
                task(instance),
                withVariables(
                        "taxAuthorityReply",
                        "returned",
                        "taxAuthorityComment",
                        "Ngày sinh của chủ hộ không khớp với Cơ sở dữ liệu quốc gia về dân cư"));

        assertThat(instance).isWaitingAt("UserTask_ReviewRegistration").hasNotPassed("ServiceTask_MarkProcessed");
        assertThat(task(instance)).hasCandidateGroup(SPECIALIST);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSING);
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .activityId("BoundaryEvent_TaxReplyOverdue")
                        .count())
                .as("no reminder is left waiting once the tax authority has answered")
                .isZero();
        runToTheEnd(instance);

        assertThat(instance).isEnded();
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturned");
        assertThat(timesPassed(instance, "UserTask_ReviewRegistration")).isEqualTo(2);
        assertThat(timesPassed(instance, "UserTask_ApproveRegistration")).isEqualTo(2);
        assertThat(timesPassed(instance, "UserTask_SendToTaxAuthority")).isEqualTo(2);
        assertThat(dossier(instance).publicStatus()).isEqualTo(RESULT_RETURNED);
        assertThat(statusHistory(instance))
                .containsExactly(
                        NEW,
                        RECEIVED,
                        AWAITING_FINANCIAL_OBLIGATION,
                        AWAITING_FINANCIAL_OBLIGATION,
                        PROCESSING,
                        PROCESSING,
                        PROCESSING,
                        PROCESSED,
                        RESULT_RETURNED);
    }

    @Test
    void aTaxReplyLateByADayIsFlaggedForStaffWhileTheDossierKeepsWaiting() {
        ProcessInstance instance = submit();
        complete(task(instance), withVariables("receiptDecision", "accept"));
        payAtDesk(instance);
        complete(task(instance), reviewed());
        complete(task(instance), withVariables("approved", true));
        complete(task(instance), sentToTaxAuthority());

        ProcessTestPlatform.bean(ManagementService.class)
                .executeJob(overdueTimer(instance).getId());

        assertThat(instance)
                .isWaitingAt("UserTask_RecordTaxAuthorityReply")
                .hasPassed("ServiceTask_NoteTaxReplyOverdue");
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSING);
        assertThat(dossier(instance).internalStep()).isEqualTo("tax-reply-overdue");
        DossierEvent flagged = lastEvent(instance);
        assertThat(flagged.publicMessage())
                .as("staff business, not the citizen's timeline")
                .isNull();
        assertThat(flagged.internalNote()).contains("LT-2026-000123");
        complete(task(instance), taxCodeIssued());
        complete(task(instance), returnedAtTheDesk());

        assertThat(instance).isEnded();
        assertThat(endEvents(instance)).containsExactly("EndEvent_TaxReplyOverdueNoted", "EndEvent_ResultReturned");
        assertThat(dossier(instance).publicStatus()).isEqualTo(RESULT_RETURNED);
        assertThat(statusHistory(instance))
                .containsExactly(
                        NEW,
                        RECEIVED,
                        AWAITING_FINANCIAL_OBLIGATION,
                        AWAITING_FINANCIAL_OBLIGATION,
                        PROCESSING,
                        PROCESSING,
                        PROCESSING,
                        PROCESSED,
                        RESULT_RETURNED);
    }

    @Test
    void aSubmissionWithoutTheOwnersPapersOrTheBusinessNameIsRefusedNamingBoth() {
        Map<String, Object> data = new HashMap<>(validData());
        data.remove("businessName");
        long dossiersBefore = countDossiers();

        assertThatThrownBy(() -> ProcedureTestSupport.submit(
                        KEY, OWNER, data, List.of(pdf("bien-ban-hop-thanh-vien", "bien-ban-hop.pdf"))))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactlyInAnyOrder("documents.giay-to-phap-ly-chu-ho", "data.businessName"));
        assertThat(countDossiers()).isEqualTo(dossiersBefore);
    }

    /** From the specialist's review to the returned result, every step agreeing. */
    private static void runToTheEnd(ProcessInstance instance) {
        complete(task(instance), reviewed());
        complete(task(instance), withVariables("approved", true));
        complete(task(instance), sentToTaxAuthority());
        complete(task(instance), taxCodeIssued());
        complete(task(instance), returnedAtTheDesk());
    }

    private static Job overdueTimer(ProcessInstance instance) {
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .activityId("BoundaryEvent_TaxReplyOverdue")
                .singleResult();
    }

    private static Map<String, Object> reviewed() {
        return withVariables(
                "nameIsUnique", true, "businessLinesAllowed", true, "householdBusinessCode", "99.H99.8.000123");
    }

    private static Map<String, Object> sentToTaxAuthority() {
        return withVariables(
                "taxAuthorityName",
                "Chi cục Thuế khu vực Thử Nghiệm",
                "transmissionChannel",
                "truc-lien-thong",
                "transmissionNumber",
                "LT-2026-000123");
    }

    private static Map<String, Object> taxCodeIssued() {
        return withVariables("taxAuthorityReply", "confirmed", "taxCode", TAX_CODE);
    }

    private static Map<String, Object> returnedAtTheDesk() {
        return withVariables("returnChannel", "truc-tiep", "resultReceivedBy", "Phạm Văn Hùng");
    }

    private static ProcessInstance submit() {
        return ProcedureTestSupport.submit(KEY, OWNER, validData(), List.of(IDENTITY_PAPERS));
    }

    static Map<String, Object> validData() {
        Map<String, Object> data = new HashMap<>();
        data.put("businessName", "Hộ kinh doanh Hùng Phát");
        data.put("businessAddress", "Số 12 đường Chợ, xã Thử Nghiệm");
        data.put("businessLines", "Bán lẻ đồ uống, tạp hóa");
        data.put("capital", 150_000_000);
        data.put("employeeCount", 2);
        data.put("premisesRented", false);
        data.put("ownerFullName", "Phạm Văn Hùng");
        data.put("ownerSex", "nam");
        data.put("ownerBirthDate", "1988-03-09");
        data.put("ownerIdentityNumber", "001088023456");
        data.put("ownerNationality", "Việt Nam");
        data.put("ownerResidence", "Số 12 đường Chợ, xã Thử Nghiệm");
        data.put("registeredBy", "ca-nhan");
        data.put("startDate", "2026-08-01");
        data.put("taxMethod", "khoan");
        return data;
    }
}
