package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Moves a dossier from one public status to the next and logs the move. The only place where a
 * dossier's status changes; called from the engine (delegates), so it runs in the engine's transaction.
 * What follows a change (the deadline clock, the citizen's SMS and e-mail) listens to {@link DossierStatusChanged}.
 */
@Service
public class DossierLifecycle {

    private final DossierRepository dossiers;
    private final DossierChanges changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public DossierLifecycle(
            DossierRepository dossiers, DossierChanges changes, ApplicationEventPublisher events, Clock clock) {
        this.dossiers = dossiers;
        this.changes = changes;
        this.events = events;
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
        events.publishEvent(
                new DossierStatusChanged(dossier, changed, dates.receivedAt(), now, change.publicMessage()));
        return changed;
    }

    /** What a status change says: the new status, the internal step, and the words for the citizen and staff. */
    public record StatusChange(
            PublicStatus status, String step, String publicMessage, String internalNote, String actor) {}
}
