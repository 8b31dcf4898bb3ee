package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.motcua.procedures.ProcedureTestSupport.DESK;
import static vn.motcua.procedures.ProcedureTestSupport.LEADER;
import static vn.motcua.procedures.ProcedureTestSupport.SPECIALIST;
import static vn.motcua.procedures.ProcedureTestSupport.dossier;
import static vn.motcua.procedures.ProcedureTestSupport.payAtDesk;
import static vn.motcua.procedures.ProcedureTestSupport.statusHistory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.procedure.ProcedureDeployer;
import vn.motcua.testing.ProcessTestPlatform;
import vn.motcua.testing.TestDocuments;

/** Every branch of "Chứng thực bản sao từ bản chính", with the real delegates on real PostgreSQL. */
class ChungThucBanSaoProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final ProcedureLifecycle LIFECYCLE = new ProcedureLifecycle(
            "chung-thuc-ban-sao",
            ChungThucBanSaoProcessTest::submit,
            withVariables("receiptDecision", "accept"),
            "UserTask_CertifyCopies",
            instance -> {
                complete(task(instance), withVariables("certificationNumber", "1/2026", "originalMatches", true));
                complete(task(instance), withVariables("approved", true));
            },
            withVariables("resultReceivedBy", "Nguyễn Văn Đoàn"),
            List.of(
                    PublicStatus.NEW,
                    PublicStatus.RECEIVED,
                    PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                    PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                    PublicStatus.PROCESSING,
                    PublicStatus.PROCESSED,
                    PublicStatus.RESULT_RETURNED),
            "Bản chính bị tẩy xoá, không đủ điều kiện chứng thực",
            "Bản chính Giấy khai sinh",
            new DocumentFile("ban-chinh", "giay-khai-sinh.png", "image/png", TestDocuments.png()),
            ProcedureLifecycle.STAY,
            "Không còn nhu cầu",
            List.of(
                    PublicStatus.NEW,
                    PublicStatus.RECEIVED,
                    PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                    PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                    PublicStatus.PROCESSING,
                    PublicStatus.WITHDRAWAL_REQUESTED),
            ProcedureLifecycle.STAY,
            "Giấy tờ giả mạo, chuyển cơ quan công an",
            true,
            List.of(
                    PublicStatus.NEW,
                    PublicStatus.RECEIVED,
                    PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                    PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                    PublicStatus.PROCESSING));

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    @BeforeAll
    static void deployProcedures() {
        ProcessTestPlatform.bean(ProcedureDeployer.class).deployAll("classpath*:procedures", "classpath*:forms");
    }

    @Test
    void acceptedCertifiedAndApprovedDossierEndsWithTheResultReturned() {
        ProcessInstance instance = submit();

        assertThat(instance).isWaitingAt("UserTask_ReceiveDossier");
        assertThat(task(instance)).hasCandidateGroup(DESK).isNotAssigned();
        complete(task(instance), withVariables("receiptDecision", "accept"));
        payAtDesk(instance);

        assertThat(instance).isWaitingAt("UserTask_CertifyCopies");
        assertThat(task(instance)).hasCandidateGroup(SPECIALIST);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.PROCESSING);
        complete(task(instance), withVariables("certificationNumber", "125/2026/SCT-BS", "originalMatches", true));

        assertThat(instance).isWaitingAt("UserTask_ApproveResult");
        assertThat(task(instance)).hasCandidateGroup(LEADER);
        complete(task(instance), withVariables("approved", true));

        assertThat(instance).isWaitingAt("UserTask_ReturnResult");
        assertThat(task(instance)).hasCandidateGroup(DESK);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.PROCESSED);
        complete(task(instance), withVariables("resultReceivedBy", "Nguyễn Văn Đoàn"));

        assertThat(instance)
                .isEnded()
                .hasPassedInOrder(
                        "UserTask_ReceiveDossier",
                        "ServiceTask_MarkReceived",
                        "ServiceTask_StartProcessing",
                        "UserTask_CertifyCopies",
                        "UserTask_ApproveResult",
                        "ServiceTask_MarkProcessed",
                        "UserTask_ReturnResult",
                        "ServiceTask_MarkResultReturned",
                        "EndEvent_ResultReturned");
        Dossier dossier = dossier(instance);
        assertThat(dossier.publicStatus()).isEqualTo(PublicStatus.RESULT_RETURNED);
        assertThat(dossier.receivedAt()).isNotNull();
        assertThat(dossier.finishedAt()).isNotNull();
        assertThat(dossier.returnedAt()).isNotNull();
        assertThat(statusHistory(instance))
                .containsExactly(
                        PublicStatus.NEW,
                        PublicStatus.RECEIVED,
                        PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                        PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                        PublicStatus.PROCESSING,
                        PublicStatus.PROCESSED,
                        PublicStatus.RESULT_RETURNED);
        assertThat(outboxOf(dossier))
                .anyMatch(m -> m.startsWith("sms: Ho so " + dossier.code() + ": De nghi nop phi, le phi 4.000 d"))
                .contains("email: Hồ sơ " + dossier.code() + ": đề nghị nộp phí, lệ phí");
        assertThat(outboxOf(dossier))
                .filteredOn(message -> !message.contains("nop phi") && !message.contains("nộp phí"))
                .containsExactly(
                        "sms: Ho so " + dossier.code()
                                + " da duoc tiep nhan. Tra cuu tinh trang tren Cong dich vu cong bang ma ho so.",
                        "email: Hồ sơ " + dossier.code() + " đã được tiếp nhận",
                        "sms: Ho so " + dossier.code() + " da co ket qua. Moi Ong/Ba nhan ket qua theo huong dan.",
                        "email: Hồ sơ " + dossier.code() + " đã có kết quả");
    }

    @Test
    void leaderSendingTheResultBackReturnsItToTheSpecialistUntilApproved() {
        ProcessInstance instance = submit();
        complete(task(instance), withVariables("receiptDecision", "accept"));
        payAtDesk(instance);
        complete(task(instance), withVariables("certificationNumber", "126/2026/SCT-BS", "originalMatches", true));

        complete(task(instance), withVariables("approved", false, "approvalComment", "Ghi sai số trang"));

        assertThat(instance).isWaitingAt("UserTask_CertifyCopies").hasNotPassed("ServiceTask_MarkProcessed");
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.PROCESSING);
        complete(task(instance), withVariables("certificationNumber", "126/2026/SCT-BS"));
        complete(task(instance), withVariables("approved", true));
        complete(task(instance), withVariables("resultReceivedBy", "Trần Thị Hoa"));

        assertThat(instance).isEnded().hasPassed("EndEvent_ResultReturned");
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.RESULT_RETURNED);
    }

    /** The notifications queued for a dossier: the SMS text, or the e-mail subject. */
    private static List<String> outboxOf(Dossier dossier) {
        return ProcessTestPlatform.bean(JdbcTemplate.class)
                .query(
                        "select topic, payload from outbox where aggregate_id = ? and topic in ('sms', 'email') order by id",
                        (rs, n) -> {
                            JsonNode payload = readJson(rs.getString("payload"));
                            return rs.getString("topic") + ": "
                                    + (rs.getString("topic").equals("sms")
                                            ? payload.path("text").asText()
                                            : payload.path("subject").asText());
                        },
                        dossier.code());
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ProcessInstance submit() {
        return ProcedureTestSupport.submit(
                "chung-thuc-ban-sao",
                new Applicant(
                        "Nguyễn Văn Đoàn",
                        "001090012345",
                        LocalDate.of(1990, 5, 17),
                        "0912345678",
                        "doan@example.vn",
                        "Thôn Đông, xã Thử Nghiệm"),
                Map.of("documentName", "Bằng tốt nghiệp THPT", "copyCount", 2, "pagesPerCopy", 1),
                List.of(ProcedureTestSupport.pdf("ban-chinh", "bang-tot-nghiep.pdf")));
    }
}
