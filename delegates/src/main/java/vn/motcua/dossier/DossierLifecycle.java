package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.motcua.deadline.DossierDeadlines;
import vn.motcua.notification.CitizenNotifications;
import vn.motcua.procedure.ProcedureCatalog;

/**
 * Moves a dossier from one public status to the next and logs the move. The only place where a
 * dossier's status changes; called from the engine (delegates), so it runs in the engine's transaction.
 */
@Service
public class DossierLifecycle {

    private final DossierRepository dossiers;
    private final CitizenNotifications notifications;
    private final DossierChanges changes;
    private final ProcedureCatalog catalog;
    private final DossierDeadlines deadlines;
    private final Clock clock;

    public DossierLifecycle(
            DossierRepository dossiers,
            CitizenNotifications notifications,
            DossierChanges changes,
            ProcedureCatalog catalog,
            DossierDeadlines deadlines,
            Clock clock) {
        this.deadlines = deadlines;
        this.dossiers = dossiers;
        this.changes = changes;
        this.notifications = notifications;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * @throws UnknownDossierException when no dossier has this code
     * @throws IllegalStatusChangeException when the national lifecycle does not allow the move
     */
    public Dossier changeStatus(String code, StatusChange change) {
        Dossier dossier = dossiers.findByCodeForUpdate(code).orElseThrow(() -> new UnknownDossierException(code));
        PublicStatus from = dossier.publicStatus();
        if (!from.mayMoveTo(change.status())) {
            throw new IllegalStatusChangeException(code, from, change.status());
        }
        Instant now = clock.instant();
        DossierDates dates = DossierDates.of(dossier).reaching(change.status(), now);
        Dossier changed = dossiers.updateStatus(dossier.id(), change.status(), change.step(), dates, now);
        // Receipt starts the clock, a supplement request stops it, the supplement restarts it (docs/deadlines.md).
        deadlines.statusChanged(dossier, change.status(), dates.receivedAt(), now);
        dossiers.appendEvent(
                dossier.id(),
                new DossierEvent(
                        now,
                        change.actor(),
                        change.status(),
                        change.step(),
                        change.publicMessage(),
                        change.internalNote()));
        changes.changed(code);
        if (from != change.status()) {
            // The name of the procedure as the dossier was started with it; the catalogue keeps versions once read.
            notificationFor(change.status())
                    .ifPresent(event -> notifications.notify(
                            changed,
                            event,
                            catalog.version(changed.procedureKey(), changed.procedureVersion())
                                    .map(p -> p.descriptor().name().vi())
                                    .orElse(null),
                            change.publicMessage()));
        }
        return changed;
    }

    /** The moments a citizen is told of by SMS and e-mail. */
    static Optional<String> notificationFor(PublicStatus status) {
        return Optional.ofNullable(
                switch (status) {
                    case RECEIVED -> "received";
                    case SUPPLEMENT_REQUESTED -> "supplement-requested";
                    case NOT_RECEIVED -> "not-received";
                    case PROCESSED -> "result-ready";
                    default -> null;
                });
    }

    /** What a status change says: the new status, the internal step, and the words for the citizen and staff. */
    public record StatusChange(
            PublicStatus status, String step, String publicMessage, String internalNote, String actor) {}
}
