package vn.motcua.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierChanges;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.CurrentActor;

/**
 * "Ghi nhận gia hạn thời hạn giải quyết": where the law lets the receiving clerk extend the time limit (e.g.
 * certifying many documents or pages: Nghị định 23/2015/NĐ-CP, Điều 7), the extension the clerk entered on the
 * receipt form moves the appointment and the timers, and the citizen's timeline says by how much and why.
 * Placed after "Ghi nhận tiếp nhận hồ sơ" (the due date exists) and before processing starts. Reads the process
 * variables {@value #VAR_EXTENSION_WORKING_DAYS} (a number; absent or 0: no extension, nothing happens) and
 * {@value #VAR_EXTENSION_REASON}. No input parameters.
 */
@Component("extendTimeLimit")
public class TimeLimitExtensionDelegate implements JavaDelegate {

    /** Process variable (number): working days added to the time limit at receipt, at most the procedure's maximum. */
    public static final String VAR_EXTENSION_WORKING_DAYS = "timeLimitExtensionWorkingDays";
    /** Process variable (text): why, shown to the citizen. */
    public static final String VAR_EXTENSION_REASON = "timeLimitExtensionReason";
    /** The internal step of the timeline event. */
    public static final String STEP = "time-limit-extended";

    private static final DateTimeFormatter APPOINTMENT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final DossierDeadlines deadlines;
    private final DossierRepository dossiers;
    private final DossierChanges changes;
    private final CurrentActor actor;
    private final Clock clock;

    public TimeLimitExtensionDelegate(
            DossierDeadlines deadlines,
            DossierRepository dossiers,
            DossierChanges changes,
            CurrentActor actor,
            Clock clock) {
        this.deadlines = deadlines;
        this.dossiers = dossiers;
        this.changes = changes;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int days = workingDays(execution.getVariable(VAR_EXTENSION_WORKING_DAYS));
        if (days == 0) {
            return;
        }
        Object reasonValue = execution.getVariable(VAR_EXTENSION_REASON);
        String reason = reasonValue == null ? null : reasonValue.toString();
        String code = execution.getProcessBusinessKey();
        Dossier dossier = dossiers.findByCodeForUpdate(code).orElseThrow(() -> new UnknownDossierException(code));
        Instant now = clock.instant();
        // Too many days or no reason: IllegalArgumentException rolls back the clerk's receipt, who sees the error
        // and corrects the form (this step follows the receipt task synchronously).
        Instant due = deadlines.extend(dossier, days, reason, now);
        dossiers.appendEvent(
                dossier.id(),
                new DossierEvent(
                        now,
                        actor.userId(),
                        dossier.publicStatus(),
                        STEP,
                        "Thời hạn giải quyết được kéo dài thêm " + days + " ngày làm việc; hẹn trả kết quả lúc "
                                + APPOINTMENT.format(deadlines.rule().calendar().local(due)) + ". Lý do: "
                                + reason.strip(),
                        null));
        changes.changed(code);
    }

    /** The form sends a number; a text such as "2" from another client is read too. */
    static int workingDays(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException(VAR_EXTENSION_WORKING_DAYS + " must be a whole number: " + value);
            }
            return n.intValue();
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(VAR_EXTENSION_WORKING_DAYS + " must be a whole number: " + value, e);
        }
    }
}
