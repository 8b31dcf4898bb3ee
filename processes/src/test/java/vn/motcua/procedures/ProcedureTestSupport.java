package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.agency.StaffRole;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.DossierRequests;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.DossierSubmission.NewDossier;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.payment.Confirmation;
import vn.motcua.payment.DeskPayment;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.Payments;
import vn.motcua.procedure.ProcedureDeployer;
import vn.motcua.testing.ProcessTestPlatform;
import vn.motcua.testing.TestDocuments;

/** What the process tests of every procedure share: submitting a dossier for real, and reading back what happened to it. */
final class ProcedureTestSupport {

    /** The candidate groups of the test commune's staff and of the province's police (docs/agencies.md). */
    static final String DESK = StaffRole.DESK_CLERK.groupAt(ProcessTestPlatform.TEST_AGENCY);

    static final String SPECIALIST = StaffRole.SPECIALIST.groupAt(ProcessTestPlatform.TEST_AGENCY);
    static final String LEADER = StaffRole.LEADER.groupAt(ProcessTestPlatform.TEST_AGENCY);
    static final String POLICE_SPECIALIST = StaffRole.SPECIALIST.groupAt(ProcessTestPlatform.TEST_POLICE);
    static final String POLICE_LEADER = StaffRole.LEADER.groupAt(ProcessTestPlatform.TEST_POLICE);

    private ProcedureTestSupport() {}

    static void deployProcedures() {
        ProcessTestPlatform.bean(ProcedureDeployer.class).deployAll("classpath*:procedures", "classpath*:forms");
    }

    /** Submits a dossier online through the real submission checks and returns its running process instance. */
    static ProcessInstance submit(
            String procedureKey, Applicant applicant, Map<String, Object> data, List<DocumentFile> documents) {
        Dossier dossier = ProcessTestPlatform.bean(DossierSubmission.class)
                .submit(new NewDossier(
                        procedureKey,
                        applicant,
                        ProcessTestPlatform.TEST_AGENCY,
                        null,
                        null,
                        Channel.ONLINE,
                        data,
                        documents,
                        "citizen"))
                .dossier();
        assertThat(dossier.publicStatus()).isEqualTo(PublicStatus.NEW);
        return ProcessTestPlatform.bean(RuntimeService.class)
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(dossier.code())
                .singleResult();
    }

    /**
     * Records how the citizen receives the result (DESK, POST or ONLINE), as the application does at submission or at
     * the desk intake ({@code vn.motcua.app.citizen.ResultDeliveries}).
     */
    static void chooseDelivery(ProcessInstance instance, String method) {
        ProcessTestPlatform.bean(JdbcTemplate.class)
                .update(
                        "insert into dossier_result_delivery (dossier_id, method, address) values (?, ?, ?)",
                        dossier(instance).id(),
                        method,
                        "POST".equals(method) ? "Số 1 đường Thử Nghiệm, xã Thử Nghiệm" : null);
    }

    /** The payloads the outbox holds for the dossier on a topic (sms, email), oldest first. */
    static List<String> outbox(ProcessInstance instance, String topic) {
        return ProcessTestPlatform.bean(JdbcTemplate.class)
                .queryForList(
                        "select payload from outbox where aggregate_id = ? and topic = ? order by id",
                        String.class,
                        instance.getBusinessKey(),
                        topic);
    }

    static DocumentFile pdf(String documentCode, String fileName) {
        return new DocumentFile(documentCode, fileName, "application/pdf", TestDocuments.pdf());
    }

    static DocumentFile png(String documentCode, String fileName) {
        return new DocumentFile(documentCode, fileName, "image/png", TestDocuments.png());
    }

    /** The receive task every procedure's payment step waits at (docs/fees.md). */
    static final String AWAIT_PAYMENT = "ReceiveTask_AwaitPayment";

    static Payments payments() {
        return ProcessTestPlatform.bean(Payments.class);
    }

    /**
     * A receiving clerk takes the dossier's fee in cash at the counter, as {@code POST …/payments/desk} does; the
     * instance must be waiting for it, and moves on.
     */
    static Payment payAtDesk(ProcessInstance instance) {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance)
                .isWaitingAt(AWAIT_PAYMENT);
        Payment open = payments().openRequest(instance.getBusinessKey()).orElseThrow();
        Confirmation paid = payments()
                .recordAtDesk(
                        instance.getBusinessKey(), new DeskPayment(open.amount(), PaymentMethod.DESK_CASH, "clerk"));
        assertThat(paid.outcome()).isEqualTo(Confirmation.Outcome.CONFIRMED);
        return paid.payment();
    }

    static DossierRequests requests() {
        return ProcessTestPlatform.bean(DossierRequests.class);
    }

    static Dossier dossier(ProcessInstance instance) {
        return ProcessTestPlatform.bean(DossierRepository.class)
                .findByCode(instance.getBusinessKey())
                .orElseThrow();
    }

    /**
     * The public statuses of the dossier's timeline, oldest first, starting with 1 (new). The result's production and
     * signature are logged without changing the status; they are left out.
     */
    static List<PublicStatus> statusHistory(ProcessInstance instance) {
        return events(instance).stream()
                .filter(e -> !RESULT_STEPS.contains(e.internalStep()))
                .map(DossierEvent::publicStatus)
                .toList();
    }

    private static final java.util.Set<String> RESULT_STEPS = java.util.Set.of("result-produced", "result-signed");

    static List<DossierEvent> events(ProcessInstance instance) {
        return ProcessTestPlatform.bean(DossierRepository.class)
                .events(dossier(instance).id());
    }

    static DossierEvent lastEvent(ProcessInstance instance) {
        List<DossierEvent> events = events(instance);
        return events.get(events.size() - 1);
    }

    /**
     * The ids of the end events the instance reached, in the order it reached them; the end of the processing
     * phase ({@code EndEvent_ProcessingDone}, inside the sub-process that carries the deadline timers) is left out.
     */
    static List<String> endEvents(ProcessInstance instance) {
        return ProcessTestPlatform.bean(HistoryService.class)
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityType("noneEndEvent")
                .orderPartiallyByOccurrence()
                .asc()
                .list()
                .stream()
                .map(HistoricActivityInstance::getActivityId)
                .filter(id -> !id.equals("EndEvent_ProcessingDone"))
                .toList();
    }

    /**
     * Runs the asynchronous signing step the leader's approval left as a job (the application's job executor does
     * it), so the dossier goes on past {@code ServiceTask_SignResult}.
     */
    static void signResult(ProcessInstance instance) {
        ManagementService management = ProcessTestPlatform.bean(ManagementService.class);
        Job job = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("ServiceTask_SignResult")
                .singleResult();
        assertThat(job).as("the signing job after the approval").isNotNull();
        management.executeJob(job.getId());
    }

    static long countDossiers() {
        return ProcessTestPlatform.bean(JdbcTemplate.class).queryForObject("select count(*) from dossier", Long.class);
    }

    /** How many times the instance entered an activity. */
    static long timesPassed(ProcessInstance instance, String activityId) {
        return ProcessTestPlatform.bean(HistoryService.class)
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .count();
    }
}
