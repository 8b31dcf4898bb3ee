package vn.motcua.deadline;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Cảnh báo sắp đến hạn": fired by the warning timer ({@code timeDate="${warningDate}"}), one working day
 * (motcua.deadlines.warning-working-days) before the due moment. Raises the open tasks of the dossier to
 * priority {@value #WARNING_PRIORITY}, so the handling clerk sees them at the top of the Tasklist (they carry the
 * dossier's due date already, {@link TaskDueDates}). No input parameters.
 */
@Component("deadlineWarning")
public class DeadlineWarningDelegate implements JavaDelegate {

    public static final int WARNING_PRIORITY = 80;
    /** Process variable (java.util.Date): when the warning was given. */
    public static final String VAR_WARNED_AT = "deadlineWarnedAt";

    private final TaskService taskService;
    private final java.time.Clock clock;

    public DeadlineWarningDelegate(TaskService taskService, java.time.Clock clock) {
        this.taskService = taskService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .list()) {
            task.setPriority(WARNING_PRIORITY);
            taskService.saveTask(task);
        }
        execution.setVariable(VAR_WARNED_AT, Date.from(clock.instant()));
    }
}
