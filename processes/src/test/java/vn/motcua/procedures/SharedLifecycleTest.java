package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.motcua.dossier.PublicStatus.NEW;
import static vn.motcua.dossier.PublicStatus.NOT_RECEIVED;
import static vn.motcua.dossier.PublicStatus.PROCESSED;
import static vn.motcua.dossier.PublicStatus.RESULT_RETURNED;
import static vn.motcua.dossier.PublicStatus.STOPPED;
import static vn.motcua.dossier.PublicStatus.SUPPLEMENT_REQUESTED;
import static vn.motcua.dossier.PublicStatus.WITHDRAWAL_REQUESTED;
import static vn.motcua.procedures.ProcedureTestSupport.dossier;
import static vn.motcua.procedures.ProcedureTestSupport.endEvents;
import static vn.motcua.procedures.ProcedureTestSupport.lastEvent;
import static vn.motcua.procedures.ProcedureTestSupport.requests;
import static vn.motcua.procedures.ProcedureTestSupport.statusHistory;
import static vn.motcua.procedures.ProcedureTestSupport.timesPassed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.DossierStateException;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.dossier.StoredDocument;
import vn.motcua.notification.CitizenNotifications;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ServiceLevel;
import vn.motcua.result.ReadResultDeliveryDelegate;
import vn.motcua.slip.Slip;
import vn.motcua.testing.ProcessTestPlatform;

/**
 * The branches every procedure's BPMN shares, once per procedure: refused at the desk, supplemented, withdrawn
 * by the citizen, stopped by a clerk. Each procedure's own test keeps the branches only it has.
 */
class SharedLifecycleTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    @BeforeAll
    static void deployProcedures() {
        ProcedureTestSupport.deployProcedures();
    }

    static Stream<ProcedureLifecycle> procedures() {
        return Stream.of(
                ChungThucBanSaoProcessTest.LIFECYCLE,
                DangKyKhaiSinhProcessTest.LIFECYCLE,
                CapPhieuLyLichTuPhapProcessTest.LIFECYCLE,
                DangKyHoKinhDoanhProcessTest.LIFECYCLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void aDossierRefusedAtTheDeskEndsNotReceivedWithTheReason(ProcedureLifecycle procedure) {
        ProcessInstance instance = procedure.submit().get();

        complete(
                task(instance), withVariables("receiptDecision", "refuse", "refusalReason", procedure.refusalReason()));

        assertThat(instance).isEnded().hasPassed("EndEvent_DossierRefused").hasNotPassed("ServiceTask_MarkReceived");
        assertThat(endEvents(instance)).containsExactly("EndEvent_DossierRefused");
        Dossier dossier = dossier(instance);
        assertThat(dossier.publicStatus()).isEqualTo(NOT_RECEIVED);
        assertThat(dossier.receivedAt()).isNull();
        assertThat(statusHistory(instance)).containsExactly(NEW, NOT_RECEIVED);
        assertThat(lastEvent(instance).publicMessage())
                .isEqualTo("Hồ sơ không được tiếp nhận. Lý do: " + procedure.refusalReason());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void aSupplementRequestWaitsForTheCitizensFilesThenTheDeskChecksAgainAndTheDossierRunsToItsResult(
            ProcedureLifecycle procedure) {
        ProcessInstance instance = procedure.submit().get();
        complete(
                task(instance),
                withVariables("receiptDecision", "supplement", "missingDocuments", procedure.missingDocuments()));

        assertThat(instance).isWaitingAt("IntermediateCatchEvent_SupplementReceived");
        assertThat(dossier(instance).publicStatus()).isEqualTo(SUPPLEMENT_REQUESTED);
        assertThat(lastEvent(instance).publicMessage())
                .isEqualTo("Đề nghị bổ sung hồ sơ: " + procedure.missingDocuments());

        requests().supplement(instance.getBusinessKey(), List.of(procedure.supplement()));

        assertThat(instance).isWaitingAt("UserTask_ReceiveDossier").hasPassed("ServiceTask_MarkSupplemented");
        assertThat(dossier(instance).publicStatus()).isEqualTo(NEW);
        assertThat(ProcessTestPlatform.bean(DossierRepository.class)
                        .documents(dossier(instance).id()))
                .as("the applicant's files: the first ones and the supplement (the agency's slips aside)")
                .filteredOn(d -> Slip.ofCode(d.documentCode()).isEmpty())
                .extracting(StoredDocument::supplementRound)
                .containsExactly(0, 1);
        accept(instance, procedure);
        assertThat(instance).isWaitingAt(procedure.firstProcessingTask());
        procedure.toResultReady().accept(instance);
        complete(task(instance), procedure.returnResult());

        assertThat(instance).isEnded();
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturned");
        assertThat(timesPassed(instance, "UserTask_ReceiveDossier")).isEqualTo(2);
        assertThat(dossier(instance).publicStatus()).isEqualTo(RESULT_RETURNED);
        List<PublicStatus> history = new ArrayList<>(List.of(NEW, SUPPLEMENT_REQUESTED));
        history.addAll(procedure.resultHistory());
        assertThat(statusHistory(instance)).containsExactlyElementsOf(history);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void aSupplementIsRefusedWhenNoneWasRequested(ProcedureLifecycle procedure) {
        ProcessInstance instance = procedure.submit().get();

        assertThatThrownBy(() -> requests().supplement(instance.getBusinessKey(), List.of(procedure.supplement())))
                .isInstanceOf(DossierStateException.class);
        assertThat(ProcessTestPlatform.bean(DossierRepository.class)
                        .documents(dossier(instance).id()))
                .hasSize(1);
        assertThat(instance).isWaitingAt("UserTask_ReceiveDossier");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void theCitizenMayWithdrawWhileTheDossierIsProcessed(ProcedureLifecycle procedure) {
        ProcessInstance instance = procedure.submit().get();
        accept(instance, procedure);
        procedure.toWithdrawalPoint().accept(instance);

        requests().withdraw(instance.getBusinessKey(), procedure.withdrawalReason());

        assertThat(instance)
                .isEnded()
                .hasPassed("EndEvent_Withdrawn")
                .hasNotPassed("ServiceTask_MarkProcessed")
                .hasNotPassed("EndEvent_ResultReturned");
        assertThat(endEvents(instance)).containsExactly("EndEvent_Withdrawn");
        assertThat(ProcessTestPlatform.bean(ManagementService.class)
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .as("no timer or reminder is left waiting for a withdrawn dossier")
                .isZero();
        Dossier dossier = dossier(instance);
        assertThat(dossier.publicStatus()).isEqualTo(WITHDRAWAL_REQUESTED);
        assertThat(dossier.finishedAt()).isNotNull();
        assertThat(statusHistory(instance)).containsExactlyElementsOf(procedure.withdrawalHistory());
        assertThat(lastEvent(instance).publicMessage())
                .isEqualTo("Công dân đã rút hồ sơ. Lý do: " + procedure.withdrawalReason());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void noWithdrawalOnceTheResultIsReady(ProcedureLifecycle procedure) {
        ProcessInstance instance = procedure.submit().get();
        accept(instance, procedure);
        procedure.toResultReady().accept(instance);

        assertThatThrownBy(() -> requests().withdraw(instance.getBusinessKey(), "Đổi ý"))
                .isInstanceOf(DossierStateException.class);
        assertThat(instance).isWaitingAt("UserTask_ReturnResult");
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSED);
    }

    /** The procedures that offer the electronic delivery of their result: the full-online ones. */
    static Stream<ProcedureLifecycle> electronicProcedures() {
        return procedures()
                .filter(p -> ProcessTestPlatform.bean(ProcedureCatalog.class)
                                .latest(p.key())
                                .orElseThrow()
                                .descriptor()
                                .serviceLevel()
                        == ServiceLevel.FULL_ONLINE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("electronicProcedures")
    void aResultChosenElectronicallyIsReturnedElectronicallyOnceSignedWithoutTheDesk(ProcedureLifecycle procedure) {
        ProcessInstance instance = procedure.submit().get();
        ProcedureTestSupport.chooseDelivery(instance, "ONLINE");
        accept(instance, procedure);

        procedure.toResultReady().accept(instance);

        assertThat(instance)
                .isEnded()
                .hasPassedInOrder(
                        "ServiceTask_SignResult",
                        "ServiceTask_MarkProcessed",
                        "ServiceTask_ReadResultDelivery",
                        "ServiceTask_ReturnResultOnline")
                .hasNotPassed("UserTask_ReturnResult");
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturnedOnline");
        Dossier dossier = dossier(instance);
        assertThat(dossier.publicStatus()).isEqualTo(RESULT_RETURNED);
        assertThat(dossier.internalStep()).isEqualTo(ReadResultDeliveryDelegate.STEP_RETURNED_ONLINE);
        assertThat(dossier.returnedAt()).isNotNull();
        Instant signed = ProcessTestPlatform.bean(DossierRepository.class)
                .resultIssuedElectronicallyAt(dossier.id())
                .orElseThrow(() -> new AssertionError("returned electronically, yet no signed result"));
        assertThat(dossier.returnedAt()).isAfterOrEqualTo(signed);
        assertThat(ProcessTestPlatform.bean(DossierRepository.class).signedResults(dossier.id()))
                .isNotEmpty();
        assertThat(statusHistory(instance)).containsExactlyElementsOf(procedure.resultHistory());
        assertThat(lastEvent(instance).publicMessage())
                .isEqualTo("Kết quả điện tử đã ký số được trả trực tuyến. Ông/Bà tải kết quả trên Cổng dịch vụ công"
                        + " bằng mã hồ sơ và mã tra cứu.");
        assertThat(ProcedureTestSupport.outbox(instance, CitizenNotifications.TOPIC_SMS))
                .as("the citizen is told by SMS that the signed result is ready to download")
                .anySatisfy(sms -> assertThat(sms)
                        .contains("Ho so " + instance.getBusinessKey() + " da tra ket qua dien tu da ky so")
                        .contains("ma tra cuu"));
        assertThat(ProcedureTestSupport.outbox(instance, CitizenNotifications.TOPIC_EMAIL))
                .anySatisfy(mail -> assertThat(mail).contains("kết quả điện tử đã ký số sẵn sàng để tải"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void aResultToCollectAtTheDeskOrByPostStillWaitsForTheDesk(ProcedureLifecycle procedure) {
        ProcessInstance instance = procedure.submit().get();
        ProcedureTestSupport.chooseDelivery(instance, "POST");
        accept(instance, procedure);

        procedure.toResultReady().accept(instance);

        assertThat(instance).isWaitingAt("UserTask_ReturnResult").hasNotPassed("ServiceTask_ReturnResultOnline");
        assertThat(dossier(instance).publicStatus()).isEqualTo(PROCESSED);
        complete(task(instance), procedure.returnResult());
        assertThat(endEvents(instance)).containsExactly("EndEvent_ResultReturned");
        assertThat(dossier(instance).internalStep()).isEqualTo("result-returned");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void aClerkMayStopProcessingWithAReason(ProcedureLifecycle procedure) {
        ProcessInstance instance = procedure.submit().get();
        accept(instance, procedure);
        procedure.toStopPoint().accept(instance);

        requests().stop(instance.getBusinessKey(), procedure.stopReason());

        assertThat(instance).isEnded().hasPassed("EndEvent_Stopped");
        assertThat(endEvents(instance)).containsExactly("EndEvent_Stopped");
        Dossier dossier = dossier(instance);
        assertThat(dossier.publicStatus()).isEqualTo(STOPPED);
        assertThat(dossier.finishedAt()).isNotNull();
        List<PublicStatus> history = new ArrayList<>(procedure.acceptedHistory());
        history.add(STOPPED);
        assertThat(statusHistory(instance)).containsExactlyElementsOf(history);
    }

    /** The desk accepts the dossier and, when a fee is due, the citizen pays it at the counter. */
    private static void accept(ProcessInstance instance, ProcedureLifecycle procedure) {
        complete(task(instance), procedure.accept());
        if (procedure.feeDue()) {
            ProcedureTestSupport.payAtDesk(instance);
        }
        assertThat(instance).isWaitingAt(procedure.firstProcessingTask());
    }
}
