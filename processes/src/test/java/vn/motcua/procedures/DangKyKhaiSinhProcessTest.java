package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
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
import static vn.motcua.procedures.ProcedureTestSupport.pdf;
import static vn.motcua.procedures.ProcedureTestSupport.png;
import static vn.motcua.procedures.ProcedureTestSupport.statusHistory;
import static vn.motcua.procedures.ProcedureTestSupport.timesPassed;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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
import vn.motcua.engine.EngineClock;
import vn.motcua.testing.ProcessTestPlatform;

/** Every branch of "Đăng ký khai sinh", with the real delegates on real PostgreSQL. */
class DangKyKhaiSinhProcessTest {

    private static final String KEY = "dang-ky-khai-sinh";
    private static final Applicant MOTHER = new Applicant(
            "Lê Thị Mai",
            "001195012345",
            LocalDate.of(1995, 8, 12),
            "0912000111",
            "mai@example.vn",
            "Thôn Đoài, xã Thử Nghiệm");
    private static final DocumentFile BIRTH_CERTIFICATE = pdf("giay-chung-sinh", "giay-chung-sinh.pdf");

    static final ProcedureLifecycle LIFECYCLE = new ProcedureLifecycle(
            KEY,
            DangKyKhaiSinhProcessTest::submit,
            withVariables("receiptDecision", "accept", "registeredOnTime", true),
            "UserTask_DraftBirthCertificate",
            instance -> {
                complete(task(instance), drafted());
                complete(task(instance), withVariables("approved", true));
            },
            withVariables("resultReceivedBy", "Lê Thị Mai", "returnMethod", "online"),
            List.of(NEW, RECEIVED, PROCESSING, PROCESSED, RESULT_RETURNED),
            "Trẻ sinh tại xã khác, cha mẹ không cư trú tại xã Thử Nghiệm",
            "Giấy chứng sinh bản rõ nét, đủ chữ ký của cơ sở y tế",
            png("giay-chung-sinh", "giay-chung-sinh.png"),
            // Before the certificate is signed.
            instance -> {
                complete(task(instance), drafted());
                assertThat(instance).isWaitingAt("UserTask_SignBirthCertificate");
            },
            "Gia đình muốn đăng ký tại nơi cư trú của cha",
            List.of(NEW, RECEIVED, PROCESSING, WITHDRAWAL_REQUESTED),
            ProcedureLifecycle.STAY,
            "Trẻ đã được đăng ký khai sinh tại xã khác",
            false,
            List.of(NEW, RECEIVED, PROCESSING));

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    @BeforeAll
    static void deployProcedures() {
        ProcedureTestSupport.deployProcedures();
    }

    @Test
    void aCheckedAndSignedBirthRegistrationEndsWithTheCertificateReturned() {
        ProcessInstance instance = submit();

        assertThat(instance).isWaitingAt("UserTask_ReceiveDossier");
        assertThat(task(instance)).hasCandidateGroup(DESK).isNotAssigned();
        complete(task(instance), withVariables("receiptDecision", "accept", "registeredOnTime", true));

        assertThat(instance).isWaitingAt("UserTask_DraftBirthCertificate");
        assertThat(task(instance)).hasCandidateGroup(SPECIALIST);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSING);
        complete(task(instance), drafted());

        assertThat(instance).isWaitingAt("UserTask_SignBirthCertificate");
        assertThat(task(instance)).hasCandidateGroup(LEADER);
        complete(task(instance), withVariables("approved", true));

        assertThat(instance).isWaitingAt("UserTask_ReturnResult");
        assertThat(task(instance)).hasCandidateGroup(DESK);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSED);
        // Full-online since Nghị định 120/2025: no signing of the register in person.
        assertThat(lastEvent(instance).publicMessage()).contains("trả trực tuyến");
        complete(task(instance), withVariables("resultReceivedBy", "Lê Thị Mai", "returnMethod", "online"));

        assertThat(instance)
                .isEnded()
                .hasPassedInOrder(
                        "UserTask_ReceiveDossier",
                        "ServiceTask_MarkReceived",
                        "ServiceTask_StartProcessing",
                        "UserTask_DraftBirthCertificate",
                        "UserTask_SignBirthCertificate",
                        "ServiceTask_MarkProcessed",
                        "UserTask_ReturnResult",
                        "ServiceTask_MarkResultReturned",
                        "EndEvent_ResultReturned");
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturned");
        Dossier dossier = dossier(instance);
        assertThat(dossier.publicStatus()).isEqualTo(RESULT_RETURNED);
        assertThat(dossier.internalStep()).isEqualTo("result-returned");
        assertThat(dossier.receivedAt()).isNotNull();
        assertThat(dossier.finishedAt()).isNotNull();
        assertThat(dossier.returnedAt()).isNotNull();
        assertThat(statusHistory(instance)).containsExactly(NEW, RECEIVED, PROCESSING, PROCESSED, RESULT_RETURNED);
    }

    @Test
    void leaderSendingBackReturnsTheFileToTheSpecialist() {
        ProcessInstance instance = submit();
        complete(task(instance), withVariables("receiptDecision", "accept", "registeredOnTime", true));
        complete(task(instance), drafted());

        complete(
                task(instance),
                withVariables("approved", false, "approvalComment", "Quê quán ghi chưa đúng theo quê quán của cha"));

        assertThat(instance).isWaitingAt("UserTask_DraftBirthCertificate").hasNotPassed("ServiceTask_MarkProcessed");
        assertThat(task(instance)).hasCandidateGroup(SPECIALIST);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSING);
        complete(task(instance), drafted());
        complete(task(instance), withVariables("approved", true));
        complete(task(instance), withVariables("resultReceivedBy", "Lê Thị Mai", "returnMethod", "online"));

        assertThat(instance).isEnded();
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturned");
        assertThat(timesPassed(instance, "UserTask_DraftBirthCertificate")).isEqualTo(2);
        assertThat(timesPassed(instance, "UserTask_SignBirthCertificate")).isEqualTo(2);
        assertThat(dossier(instance).publicStatus()).isEqualTo(RESULT_RETURNED);
        assertThat(statusHistory(instance)).containsExactly(NEW, RECEIVED, PROCESSING, PROCESSED, RESULT_RETURNED);
    }

    @Test
    void aSubmissionWithoutTheBirthCertificateOrTheChildsNameIsRefusedNamingBoth() {
        Map<String, Object> data = new HashMap<>(validData());
        data.remove("childFullName");
        long dossiersBefore = countDossiers();

        assertThatThrownBy(() -> ProcedureTestSupport.submit(KEY, MOTHER, data, List.of()))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactlyInAnyOrder("documents.giay-chung-sinh", "data.childFullName"));
        assertThat(countDossiers()).isEqualTo(dossiersBefore);
    }

    @Test
    void theFathersFieldsAreNotRequiredWhenNoFatherIsDeclared() {
        Map<String, Object> data = new HashMap<>(validData());
        data.keySet().removeIf(key -> key.startsWith("father"));
        data.put("fatherDeclared", false);

        ProcessInstance instance = ProcedureTestSupport.submit(KEY, MOTHER, data, List.of(BIRTH_CERTIFICATE));

        assertThat(instance).isWaitingAt("UserTask_ReceiveDossier");
        assertThat(ProcessTestPlatform.bean(RuntimeService.class).getVariables(instance.getId()))
                .containsEntry("fatherDeclared", false)
                .doesNotContainKey("fatherFullName");
    }

    private static ProcessInstance submit() {
        return ProcedureTestSupport.submit(KEY, MOTHER, validData(), List.of(BIRTH_CERTIFICATE));
    }

    private static Map<String, Object> drafted() {
        return withVariables(
                "informationVerified",
                true,
                "personalIdentificationNumber",
                "001226000123",
                "registerEntry",
                "Số 125, Quyển 01/2026");
    }

    static Map<String, Object> validData() {
        Map<String, Object> data = new HashMap<>();
        data.put("childFullName", "Nguyễn Minh An");
        data.put("childSex", "nam");
        // Registered on time (within 60 days of the birth, Luật Hộ tịch art. 15), so free: ten days old by the engine
        // clock.
        data.put(
                "childBirthDate", LocalDate.now(new EngineClock()).minusDays(10).toString());
        data.put("childBirthPlace", "Trạm Y tế xã Thử Nghiệm");
        data.put("childEthnicity", "Kinh");
        data.put("childNationality", "Việt Nam");
        data.put("childHometown", "Xã Thử Nghiệm, tỉnh Mẫu");
        data.put("motherFullName", "Lê Thị Mai");
        data.put("motherBirthYear", 1995);
        data.put("motherIdentityNumber", "001195012345");
        data.put("motherEthnicity", "Kinh");
        data.put("motherNationality", "Việt Nam");
        data.put("motherResidence", "Thôn Đoài, xã Thử Nghiệm");
        data.put("fatherDeclared", true);
        data.put("fatherFullName", "Nguyễn Văn Bình");
        data.put("fatherBirthYear", 1993);
        data.put("fatherIdentityNumber", "001093054321");
        data.put("fatherEthnicity", "Kinh");
        data.put("fatherNationality", "Việt Nam");
        data.put("fatherResidence", "Thôn Đoài, xã Thử Nghiệm");
        data.put("registrantRelationship", "me");
        data.put("extractCopies", 2);
        return data;
    }
}
