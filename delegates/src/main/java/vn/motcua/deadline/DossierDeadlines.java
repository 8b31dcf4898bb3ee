package vn.motcua.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.DueDateRule;
import vn.motcua.deadline.DeadlineRepository.Deadline;
import vn.motcua.deadline.DeadlineRepository.Pause;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ProcedureDescriptor.TimeLimit;

/**
 * A dossier's due moment: set on receipt from the procedure's time limit (working days or days),
 * moved on by an extension the receiving clerk gives where the law allows one, stopped while the citizen
 * supplements and moved on by the pause's working time on resume, and handed to the engine as the
 * process variables the BPMN deadline timers read ({@value #VAR_DUE_DATE}, {@value #VAR_WARNING_DATE}) and as the
 * due date of the dossier's open tasks (new tasks take it from {@link TaskDueDates}).
 * Told of every status change by {@link DossierStatusChanged}, in the transaction of the change.
 */
@Service
public class DossierDeadlines {

    /** Process variable (java.util.Date): when the time limit runs out; the escalation timer's {@code timeDate}. */
    public static final String VAR_DUE_DATE = "dueDate";
    /** Process variable (java.util.Date): when the handling clerk is warned; the warning timer's {@code timeDate}. */
    public static final String VAR_WARNING_DATE = "warningDate";
    /** The timers every procedure attaches to its processing phase (checked by the convention test). */
    public static final String ACTIVITY_WARNING_TIMER = "BoundaryEvent_DeadlineWarning";

    public static final String ACTIVITY_DUE_TIMER = "BoundaryEvent_DeadlineReached";

    private static final Logger log = LoggerFactory.getLogger(DossierDeadlines.class);

    private final DeadlineRepository deadlines;
    private final ProcedureCatalog catalog;
    private final DueDateRule rule;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final int warningWorkingDays;

    public DossierDeadlines(
            DeadlineRepository deadlines,
            ProcedureCatalog catalog,
            DueDateRule rule,
            RuntimeService runtimeService,
            ManagementService managementService,
            TaskService taskService,
            DeadlineProperties properties) {
        this.deadlines = deadlines;
        this.catalog = catalog;
        this.rule = rule;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.warningWorkingDays = properties.warningWorkingDays();
    }

    public DueDateRule rule() {
        return rule;
    }

    /**
     * @param before     the dossier as it was before the change
     * @param receivedAt the receipt stamp after the change (null until received)
     */
    /**
     * Receipt starts the clock, a supplement request or a payment request stops it, the supplement or the payment
     * restarts it (docs/deadlines.md).
     */
    @EventListener
    @Order(0) // before the citizen is told (CitizenNotifications), so the due date is set by then
    public void on(DossierStatusChanged change) {
        statusChanged(change.before(), change.after().publicStatus(), change.receivedAt(), change.at());
    }

    public void statusChanged(Dossier before, PublicStatus to, Instant receivedAt, Instant now) {
        PublicStatus from = before.publicStatus();
        Deadline deadline = deadlines.deadline(before.id()).orElseThrow();
        if (to == PublicStatus.RECEIVED && deadline.dueAt() == null && receivedAt != null) {
            start(before, deadline, receivedAt, now);
        } else if (waitsOnCitizen(to) && !waitsOnCitizen(from) && deadline.dueAt() != null) {
            pause(deadline, now);
        } else if (waitsOnCitizen(from) && !waitsOnCitizen(to)) {
            deadlines.openPause(before.id()).ifPresent(pause -> resume(deadline, pause, now));
        }
    }

    /**
     * The statuses in which the dossier waits on the citizen, so the clock stops: a supplement request (5) and a
     * fee to pay (6); the time a citizen takes to meet a financial obligation is not the agency's (docs/fees.md).
     */
    static boolean waitsOnCitizen(PublicStatus status) {
        return status == PublicStatus.SUPPLEMENT_REQUESTED || status == PublicStatus.AWAITING_FINANCIAL_OBLIGATION;
    }

    private void start(Dossier dossier, Deadline deadline, Instant receivedAt, Instant now) {
        TimeLimit limit = catalog.version(dossier.procedureKey(), dossier.procedureVersion())
                .map(p -> p.descriptor().timeLimit())
                .orElse(null);
        if (limit == null || limit.days() == null) {
            log.warn(
                    "Dossier {}: procedure {} v{} has no time limit; no due date",
                    dossier.code(),
                    dossier.procedureKey(),
                    dossier.procedureVersion());
            return;
        }
        Instant due = rule.due(receivedAt, limit.days(), limit.kind());
        deadlines.setDue(dossier.id(), limit.days(), limit.kind(), due, now);
        publish(deadline.processInstanceId(), receivedAt, due);
    }

    /**
     * The receiving clerk extends the time limit by {@code workingDays} working days, with a reason, where the
     * procedure allows it ({@code timeLimit.maxExtensionWorkingDays}); the appointment moves and the timers with
     * it. Called once the dossier is received, before processing starts.
     *
     * @return the new due moment
     * @throws IllegalArgumentException when the procedure allows no such extension or the reason is missing
     */
    public Instant extend(Dossier dossier, int workingDays, String reason, Instant now) {
        TimeLimit limit = catalog.version(dossier.procedureKey(), dossier.procedureVersion())
                .map(p -> p.descriptor().timeLimit())
                .orElseThrow();
        if (workingDays < 1 || workingDays > limit.maxExtensionWorkingDays()) {
            throw new IllegalArgumentException("Dossier " + dossier.code() + ": the time limit of "
                    + dossier.procedureKey() + " may be extended by 1 to " + limit.maxExtensionWorkingDays()
                    + " working days, not " + workingDays);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Dossier " + dossier.code() + ": an extension needs a reason");
        }
        Deadline deadline = deadlines.deadline(dossier.id()).orElseThrow();
        if (deadline.dueAt() == null || deadline.extensionWorkingDays() > 0) {
            throw new IllegalStateException(
                    "Dossier " + dossier.code() + " has no due date yet or is already extended");
        }
        Instant due = dueAfterFinishedPauses(deadline, workingDays);
        deadlines.setExtension(dossier.id(), workingDays, reason.strip(), due, now);
        publish(deadline.processInstanceId(), deadline.receivedAt(), due);
        return due;
    }

    private void pause(Deadline deadline, Instant now) {
        if (deadlines.openPause(deadline.dossierId()).isPresent()) {
            return;
        }
        deadlines.startPause(deadline.dossierId(), now);
        timers(deadline.processInstanceId()).forEach(job -> managementService.suspendJobById(job.getId()));
    }

    private static final Duration NEGLIGIBLE_PAUSE = Duration.ofMinutes(1);

    private void resume(Deadline deadline, Pause pause, Instant now) {
        if (Duration.between(pause.startedAt(), now).compareTo(NEGLIGIBLE_PAUSE) < 0) {
            // Ended within the minute it began (a fee paid at the counter during the receipt): the clock counts in
            // minutes, so nothing moves (a same-day procedure's appointment stays today) and nothing is recorded.
            deadlines.deletePause(pause.id());
            timers(deadline.processInstanceId()).forEach(job -> managementService.activateJobById(job.getId()));
            return;
        }
        Duration paused = rule.pausedTime(pause.startedAt(), now, deadline.timeLimitKind());
        // From receipt again, with every pause: a period in days cannot simply be moved on from its end, which
        // may already have been carried to the close of the next working day.
        Instant due = rule.due(
                deadline.receivedAt(),
                deadline.timeLimitDays(),
                deadline.timeLimitKind(),
                deadline.extensionWorkingDays(),
                finishedPauses(deadline).plus(paused));
        deadlines.endPause(pause.id(), now, paused.toSeconds(), deadline.dueAt(), due);
        deadlines.setDue(deadline.dossierId(), deadline.timeLimitDays(), deadline.timeLimitKind(), due, now);
        publish(deadline.processInstanceId(), deadline.receivedAt(), due);
        timers(deadline.processInstanceId()).forEach(job -> managementService.activateJobById(job.getId()));
    }

    /**
     * The due moment the calendar gives now for an open dossier: the time limit from receipt, moved on by the
     * working time of its finished pauses. Differs from the stored one only when the calendar changed.
     */
    Instant recompute(Deadline deadline) {
        return dueAfterFinishedPauses(deadline, deadline.extensionWorkingDays());
    }

    private Instant dueAfterFinishedPauses(Deadline deadline, int extensionWorkingDays) {
        return rule.due(
                deadline.receivedAt(),
                deadline.timeLimitDays(),
                deadline.timeLimitKind(),
                extensionWorkingDays,
                finishedPauses(deadline));
    }

    private Duration finishedPauses(Deadline deadline) {
        Duration paused = Duration.ZERO;
        for (Pause pause : deadlines.pauses(deadline.dossierId())) {
            if (pause.endedAt() != null) {
                paused = paused.plus(rule.pausedTime(pause.startedAt(), pause.endedAt(), deadline.timeLimitKind()));
            }
        }
        return paused;
    }

    /** Stores a recomputed due moment and moves the dossier's timers. */
    void move(Deadline deadline, Instant due, Instant now) {
        deadlines.setDue(deadline.dossierId(), deadline.timeLimitDays(), deadline.timeLimitKind(), due, now);
        publish(deadline.processInstanceId(), deadline.receivedAt(), due);
    }

    /** Sets the timer variables and moves the timers and the open tasks that already wait on the old dates. */
    private void publish(String processInstanceId, Instant receivedAt, Instant due) {
        if (processInstanceId == null) {
            return;
        }
        Instant warning = rule.warning(receivedAt, due, warningWorkingDays);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_DUE_DATE, Date.from(due));
        variables.put(VAR_WARNING_DATE, Date.from(warning));
        runtimeService.setVariables(processInstanceId, variables);
        for (Job job : timers(processInstanceId, ACTIVITY_DUE_TIMER)) {
            managementService.setJobDuedate(job.getId(), Date.from(due));
        }
        for (Job job : timers(processInstanceId, ACTIVITY_WARNING_TIMER)) {
            managementService.setJobDuedate(job.getId(), Date.from(warning));
        }
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .list()) {
            task.setDueDate(Date.from(due));
            taskService.saveTask(task);
        }
    }

    private List<Job> timers(String processInstanceId) {
        List<Job> all = new ArrayList<>(timers(processInstanceId, ACTIVITY_WARNING_TIMER));
        all.addAll(timers(processInstanceId, ACTIVITY_DUE_TIMER));
        return all;
    }

    private List<Job> timers(String processInstanceId, String activityId) {
        if (processInstanceId == null) {
            return List.of();
        }
        return managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(activityId)
                .timers()
                .list();
    }
}
