package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
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

    /** The public statuses of the dossier's timeline, oldest first, starting with 1 (new). */
    static List<PublicStatus> statusHistory(ProcessInstance instance) {
        return events(instance).stream().map(DossierEvent::publicStatus).toList();
    }

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
