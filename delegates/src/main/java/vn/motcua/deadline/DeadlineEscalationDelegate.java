package vn.motcua.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.DueDateRule;
import vn.motcua.deadline.DeadlineRepository.Deadline;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierChanges;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.CurrentActor;
import vn.motcua.engine.DelegateInputs;
import vn.motcua.notification.CitizenNotifications;
import vn.motcua.procedure.ProcedureCatalog;

/**
 * "Xử lý hồ sơ quá hạn": fired by the escalation timer ({@code timeDate="${dueDate}"}) when the time limit
 * runs out before the dossier is processed. Marks the dossier late, sets a new appointment
 * {@value #IN_NEW_APPOINTMENT_DAYS} working days on (default motcua.deadlines.reappointment-working-days),
 * stores the apology letter as the dossier document {@value ApologyLetter#DOCUMENT_CODE}, writes it on the
 * citizen's timeline and notifies the citizen ("delayed"). Input parameters, both optional:
 * <ul>
 *   <li>{@value #IN_NEW_APPOINTMENT_DAYS}: working days from now to the new appointment;</li>
 *   <li>{@value #IN_REASON}: the reason given in the letter.</li>
 * </ul>
 * Output: process variable {@value #VAR_NEW_APPOINTMENT} (java.util.Date). Runs once per dossier: a second
 * firing finds it late already and does nothing. Failures (e.g. the font missing) roll back and the engine
 * retries the timer job, then raises an incident.
 */
@Component("deadlineEscalation")
public class DeadlineEscalationDelegate implements JavaDelegate {

    public static final String IN_NEW_APPOINTMENT_DAYS = "newAppointmentWorkingDays";
    public static final String IN_REASON = "reason";
    public static final String VAR_NEW_APPOINTMENT = "newAppointmentDate";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final DossierRepository dossiers;
    private final DeadlineRepository deadlines;
    private final DueDateRule rule;
    private final ApologyLetter letter;
    private final CitizenNotifications notifications;
    private final DossierChanges changes;
    private final ProcedureCatalog catalog;
    private final CurrentActor actor;
    private final Clock clock;
    private final int defaultNewAppointmentDays;

    public DeadlineEscalationDelegate(
            DossierRepository dossiers,
            DeadlineRepository deadlines,
            DueDateRule rule,
            ApologyLetter letter,
            CitizenNotifications notifications,
            DossierChanges changes,
            ProcedureCatalog catalog,
            CurrentActor actor,
            Clock clock,
            DeadlineProperties properties) {
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.rule = rule;
        this.letter = letter;
        this.notifications = notifications;
        this.changes = changes;
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
        this.defaultNewAppointmentDays = properties.reappointmentWorkingDays();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        Dossier dossier = dossiers.findByCodeForUpdate(code).orElseThrow(() -> new UnknownDossierException(code));
        Deadline deadline = deadlines.deadline(dossier.id()).orElseThrow();
        if (deadline.late() || deadline.dueAt() == null) {
            return;
        }
        Instant now = clock.instant();
        String days = DelegateInputs.optional(execution, IN_NEW_APPOINTMENT_DAYS);
        Instant newAppointment =
                rule.due(now, days == null ? defaultNewAppointmentDays : Integer.parseInt(days.trim()));
        String reason = DelegateInputs.optional(execution, IN_REASON);
        var procedure = catalog.version(dossier.procedureKey(), dossier.procedureVersion());
        String procedureName = procedure.map(p -> p.descriptor().name().vi()).orElse(dossier.procedureKey());
        String agencyName = deadlines.agencyName(dossier.receivingAgencyCode());

        deadlines.markLate(dossier.id(), newAppointment, now);
        byte[] pdf = letter.render(new ApologyLetter.Content(
                agencyName,
                dossier.applicant().name(),
                dossier.applicant().identityNumber(),
                code,
                procedure.map(p -> p.descriptor().nationalCode()).orElse(null),
                procedureName,
                rule.calendar().local(deadline.receivedAt()),
                rule.calendar().local(deadline.dueAt()),
                rule.calendar().local(newAppointment),
                reason,
                rule.calendar().local(now)));
        dossiers.insertDocument(
                dossier.id(),
                new DocumentFile(
                        ApologyLetter.DOCUMENT_CODE,
                        ApologyLetter.DOCUMENT_CODE + "-" + code + ".pdf",
                        "application/pdf",
                        pdf),
                0,
                now);
        String message = "Hồ sơ chưa được giải quyết đúng hẹn. Ngày hẹn trả kết quả mới: "
                + rule.calendar().local(newAppointment).format(SHOWN) + ".";
        dossiers.appendEvent(
                dossier.id(),
                new DossierEvent(
                        now,
                        actor.userId(),
                        dossier.publicStatus(),
                        "late",
                        message,
                        "Quá hạn giải quyết; đã lập Phiếu xin lỗi và hẹn lại ngày trả kết quả"));
        changes.changed(code);
        notifications.notify(dossier, "delayed", procedureName, message);
        execution.setVariable(VAR_NEW_APPOINTMENT, Date.from(newAppointment));
    }
}
