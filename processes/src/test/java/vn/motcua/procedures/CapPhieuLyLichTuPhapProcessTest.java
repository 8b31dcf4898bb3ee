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
import static vn.motcua.procedures.ProcedureTestSupport.POLICE_LEADER;
import static vn.motcua.procedures.ProcedureTestSupport.POLICE_SPECIALIST;
import static vn.motcua.procedures.ProcedureTestSupport.countDossiers;
import static vn.motcua.procedures.ProcedureTestSupport.dossier;
import static vn.motcua.procedures.ProcedureTestSupport.endEvents;
import static vn.motcua.procedures.ProcedureTestSupport.lastEvent;
import static vn.motcua.procedures.ProcedureTestSupport.payAtDesk;
import static vn.motcua.procedures.ProcedureTestSupport.pdf;
import static vn.motcua.procedures.ProcedureTestSupport.png;
import static vn.motcua.procedures.ProcedureTestSupport.statusHistory;
import static vn.motcua.procedures.ProcedureTestSupport.timesPassed;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.InvalidSubmissionException;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.testing.ProcessTestPlatform;

/** Every branch of "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", with the real delegates on real PostgreSQL. */
class CapPhieuLyLichTuPhapProcessTest {

    private static final String KEY = "cap-phieu-ly-lich-tu-phap";
    private static final Applicant CITIZEN = new Applicant(
            "Đỗ Quang Huy",
            "001099034567",
            LocalDate.of(1999, 11, 2),
            "0987111222",
            "huy@example.vn",
            "Số 5 ngõ 3, phường Thử Nghiệm");
    private static final DocumentFile IDENTITY_CARD = png("giay-to-tuy-than", "can-cuoc.png");

    static final ProcedureLifecycle LIFECYCLE = new ProcedureLifecycle(
            KEY,
            CapPhieuLyLichTuPhapProcessTest::submit,
            withVariables("receiptDecision", "accept"),
            "UserTask_CheckCriminalRecord",
            instance -> {
                complete(task(instance), recordClear());
                complete(task(instance), withVariables("approved", true));
            },
            returnedAtTheDesk(),
            List.of(
                    NEW,
                    AWAITING_FINANCIAL_OBLIGATION,
                    AWAITING_FINANCIAL_OBLIGATION,
                    RECEIVED,
                    PROCESSING,
                    PROCESSED,
                    RESULT_RETURNED),
            "Người yêu cầu không thường trú, tạm trú tại tỉnh",
            "Giấy xác nhận thông tin về cư trú",
            pdf("giay-to-cu-tru", "xac-nhan-cu-tru.pdf"),
            // While a verification by another agency is pending.
            instance -> complete(
                    task(instance),
                    withVariables(
                            "recordCheckOutcome",
                            "verify",
                            "verificationAgency",
                            "cong-an",
                            "verificationRequest",
                            "Xác minh quyết định xóa án tích")),
            "Đơn vị tuyển dụng không còn yêu cầu Phiếu",
            List.of(
                    NEW,
                    AWAITING_FINANCIAL_OBLIGATION,
                    AWAITING_FINANCIAL_OBLIGATION,
                    RECEIVED,
                    PROCESSING,
                    PROCESSING,
                    WITHDRAWAL_REQUESTED),
            ProcedureLifecycle.STAY,
            "Người yêu cầu đang bị truy cứu trách nhiệm hình sự",
            true,
            List.of(NEW, AWAITING_FINANCIAL_OBLIGATION, AWAITING_FINANCIAL_OBLIGATION, RECEIVED, PROCESSING));

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    @BeforeAll
    static void deployProcedures() {
        ProcedureTestSupport.deployProcedures();
    }

    @Test
    void aCheckedAndSignedCertificateEndsWithTheResultReturned() {
        ProcessInstance instance = submit();

        assertThat(instance).isWaitingAt("UserTask_ReceiveDossier");
        assertThat(task(instance)).hasCandidateGroup(DESK).isNotAssigned();
        complete(task(instance), withVariables("receiptDecision", "accept"));
        payAtDesk(instance);

        assertThat(instance).isWaitingAt("UserTask_CheckCriminalRecord");
        assertThat(task(instance)).hasCandidateGroup(POLICE_SPECIALIST);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSING);
        complete(task(instance), recordClear());

        assertThat(instance).isWaitingAt("UserTask_ApproveCertificate");
        assertThat(task(instance)).hasCandidateGroup(POLICE_LEADER);
        complete(task(instance), withVariables("approved", true));

        assertThat(instance).isWaitingAt("UserTask_ReturnResult");
        assertThat(task(instance)).hasCandidateGroup(DESK);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSED);
        complete(task(instance), withVariables("returnChannel", "buu-chinh", "postalTrackingNumber", "EB123456789VN"));

        assertThat(instance)
                .isEnded()
                .hasPassedInOrder(
                        "UserTask_ReceiveDossier",
                        "ServiceTask_MarkReceived",
                        "ServiceTask_StartProcessing",
                        "UserTask_CheckCriminalRecord",
                        "UserTask_ApproveCertificate",
                        "ServiceTask_MarkProcessed",
                        "UserTask_ReturnResult",
                        "ServiceTask_MarkResultReturned",
                        "EndEvent_ResultReturned")
                .hasNotPassed("ServiceTask_MarkVerificationRequested");
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturned");
        Dossier dossier = dossier(instance);
        assertThat(dossier.publicStatus()).isEqualTo(RESULT_RETURNED);
        assertThat(dossier.receivedAt()).isNotNull();
        assertThat(dossier.finishedAt()).isNotNull();
        assertThat(dossier.returnedAt()).isNotNull();
        assertThat(statusHistory(instance))
                .containsExactly(
                        NEW,
                        AWAITING_FINANCIAL_OBLIGATION,
                        AWAITING_FINANCIAL_OBLIGATION,
                        RECEIVED,
                        PROCESSING,
                        PROCESSED,
                        RESULT_RETURNED);
    }

    @Test
    void leaderSendingBackReturnsTheFileToTheSpecialist() {
        ProcessInstance instance = submit();
        complete(task(instance), withVariables("receiptDecision", "accept"));
        payAtDesk(instance);
        complete(task(instance), recordClear());

        complete(
                task(instance),
                withVariables(
                        "approved",
                        false,
                        "approvalComment",
                        "Đề nghị tra cứu lại theo tên gọi khác của người yêu cầu"));

        assertThat(instance).isWaitingAt("UserTask_CheckCriminalRecord").hasNotPassed("ServiceTask_MarkProcessed");
        assertThat(task(instance)).hasCandidateGroup(POLICE_SPECIALIST);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSING);
        complete(task(instance), recordClear());
        complete(task(instance), withVariables("approved", true));
        complete(task(instance), returnedAtTheDesk());

        assertThat(instance).isEnded();
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturned");
        assertThat(timesPassed(instance, "UserTask_CheckCriminalRecord")).isEqualTo(2);
        assertThat(timesPassed(instance, "UserTask_ApproveCertificate")).isEqualTo(2);
        assertThat(statusHistory(instance))
                .containsExactly(
                        NEW,
                        AWAITING_FINANCIAL_OBLIGATION,
                        AWAITING_FINANCIAL_OBLIGATION,
                        RECEIVED,
                        PROCESSING,
                        PROCESSED,
                        RESULT_RETURNED);
    }

    @Test
    void aVerificationRequestWaitsForTheOtherAgencysAnswerThenTheRecordIsCheckedAgain() {
        ProcessInstance instance = submit();
        complete(task(instance), withVariables("receiptDecision", "accept"));
        payAtDesk(instance);

        complete(
                task(instance),
                withVariables(
                        "recordCheckOutcome",
                        "verify",
                        "verificationAgency",
                        "trung-tam-lltp-quoc-gia",
                        "verificationRequest",
                        "Xác minh thông tin án tích trong thời gian cư trú tại tỉnh khác (2017-2020)"));

        assertThat(instance)
                .isWaitingAt("UserTask_RecordVerificationResult")
                .hasPassed("ServiceTask_MarkVerificationRequested")
                .hasNotPassed("UserTask_ApproveCertificate");
        assertThat(task(instance)).hasCandidateGroup(POLICE_SPECIALIST);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSING);
        assertThat(dossier(instance).internalStep()).isEqualTo("verification-requested");
        assertThat(lastEvent(instance).publicMessage()).contains("không quá 15 ngày");
        complete(
                task(instance),
                withVariables(
                        "verificationReplyNumber",
                        "125/TTLLTP-NV1",
                        "verificationResult",
                        "Không có thông tin án tích"));

        assertThat(instance).isWaitingAt("UserTask_CheckCriminalRecord");
        complete(task(instance), recordClear());
        complete(task(instance), withVariables("approved", true));
        complete(task(instance), returnedAtTheDesk());

        assertThat(instance)
                .isEnded()
                .hasPassedInOrder(
                        "UserTask_CheckCriminalRecord",
                        "ServiceTask_MarkVerificationRequested",
                        "UserTask_RecordVerificationResult",
                        "UserTask_CheckCriminalRecord",
                        "UserTask_ApproveCertificate",
                        "EndEvent_ResultReturned");
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturned");
        assertThat(dossier(instance).publicStatus()).isEqualTo(RESULT_RETURNED);
        assertThat(statusHistory(instance))
                .containsExactly(
                        NEW,
                        AWAITING_FINANCIAL_OBLIGATION,
                        AWAITING_FINANCIAL_OBLIGATION,
                        RECEIVED,
                        PROCESSING,
                        PROCESSING,
                        PROCESSED,
                        RESULT_RETURNED);
    }

    @Test
    void aSubmissionWithoutTheIdentityCardOrThePurposeIsRefusedNamingBoth() {
        Map<String, Object> data = new HashMap<>(validData());
        data.remove("purpose");
        data.put("certificateType", "3");
        long dossiersBefore = countDossiers();

        assertThatThrownBy(() -> ProcedureTestSupport.submit(
                        KEY, CITIZEN, data, List.of(pdf("giay-to-cu-tru", "xac-nhan-cu-tru.pdf"))))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactlyInAnyOrder(
                                        "documents.giay-to-tuy-than", "data.purpose", "data.certificateType"));
        assertThat(countDossiers()).isEqualTo(dossiersBefore);
    }

    private static Map<String, Object> recordClear() {
        return withVariables(
                "recordCheckOutcome",
                "complete",
                "criminalRecordStatus",
                "khong-co-an-tich",
                "certificateNumber",
                "1024/STP-LLTP");
    }

    private static Map<String, Object> returnedAtTheDesk() {
        return withVariables("returnChannel", "truc-tiep", "resultReceivedBy", "Đỗ Quang Huy");
    }

    private static ProcessInstance submit() {
        return ProcedureTestSupport.submit(KEY, CITIZEN, validData(), List.of(IDENTITY_CARD));
    }

    static Map<String, Object> validData() {
        Map<String, Object> data = new HashMap<>();
        data.put("certificateType", "1");
        data.put("managementBanInfo", false);
        data.put("purpose", "Bổ sung hồ sơ xin việc");
        data.put("copyCount", 2);
        data.put("sex", "nam");
        data.put("birthDate", "1999-11-02");
        data.put("birthPlace", "Bệnh viện Phụ sản tỉnh Mẫu");
        data.put("nationality", "Việt Nam");
        data.put("ethnicity", "Kinh");
        data.put("permanentResidence", "Số 5 ngõ 3, phường Thử Nghiệm");
        data.put("fatherFullName", "Đỗ Văn Quang");
        data.put("motherFullName", "Trần Thị Lan");
        data.put(
                "residenceHistory",
                "11/2013 - nay: thường trú tại Số 5 ngõ 3, phường Thử Nghiệm; học sinh, sinh viên, nhân viên văn phòng");
        return data;
    }
}
