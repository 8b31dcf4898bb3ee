package vn.motcua.app.search;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierChanges;

/**
 * The index shows who works on a dossier now (the assignees of its open tasks), which changes without any change
 * to the dossier row: a clerk claims a task, hands it back, completes it. The engine publishes its task events as
 * Spring events inside its own transaction (Camunda's Spring Boot eventing, on by default), so announcing the
 * change here writes the outbox row in the same transaction as the claim.
 */
@Component
class TaskAssigneeChanges {

    private final DossierChanges changes;

    TaskAssigneeChanges(DossierChanges changes) {
        this.changes = changes;
    }

    @EventListener
    void onTaskEvent(DelegateTask task) {
        String event = task.getEventName();
        boolean assigneeChanged = TaskListener.EVENTNAME_ASSIGNMENT.equals(event)
                || (task.getAssignee() != null
                        && (TaskListener.EVENTNAME_CREATE.equals(event)
                                || TaskListener.EVENTNAME_COMPLETE.equals(event)
                                || TaskListener.EVENTNAME_DELETE.equals(event)));
        if (!assigneeChanged || task.getExecution() == null) {
            return;
        }
        String code = task.getExecution().getProcessBusinessKey();
        if (code != null) {
            changes.changed(code);
        }
    }
}
