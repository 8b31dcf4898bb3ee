package vn.motcua.procedures;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.PublicStatus;

/**
 * What {@link SharedLifecycleTest} needs to know of one procedure to drive the branches every procedure shares
 * (refuse, supplement, withdraw, stop). Each procedure's own test class declares its instance, next to the data
 * and task variables it already owns.
 *
 * @param submit            submits a valid dossier; the instance waits at {@code UserTask_ReceiveDossier}
 * @param accept            the desk's variables to accept the dossier
 * @param firstProcessingTask the task an accepted dossier waits at
 * @param toResultReady     from {@code firstProcessingTask}, every step agreeing, to {@code UserTask_ReturnResult}
 * @param returnResult      the desk's variables to hand the result over
 * @param resultHistory     the public statuses of a dossier accepted and returned, oldest first
 * @param toWithdrawalPoint from {@code firstProcessingTask} to the wait the citizen withdraws from
 * @param withdrawalHistory the public statuses of a dossier withdrawn there
 * @param toStopPoint       from {@code firstProcessingTask} to the step a clerk stops processing at
 * @param feeDue            whether the sample dossier owes a fee, paid at the desk right after the acceptance
 * @param acceptedHistory   the public statuses of a dossier accepted (and paid) up to {@code firstProcessingTask}
 */
record ProcedureLifecycle(
        String key,
        Supplier<ProcessInstance> submit,
        Map<String, Object> accept,
        String firstProcessingTask,
        Consumer<ProcessInstance> toResultReady,
        Map<String, Object> returnResult,
        List<PublicStatus> resultHistory,
        String refusalReason,
        String missingDocuments,
        DocumentFile supplement,
        Consumer<ProcessInstance> toWithdrawalPoint,
        String withdrawalReason,
        List<PublicStatus> withdrawalHistory,
        Consumer<ProcessInstance> toStopPoint,
        String stopReason,
        boolean feeDue,
        List<PublicStatus> acceptedHistory) {

    static final Consumer<ProcessInstance> STAY = instance -> {};

    @Override
    public String toString() {
        return key;
    }
}
