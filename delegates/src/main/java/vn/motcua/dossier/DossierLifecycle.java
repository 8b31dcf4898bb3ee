package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

/**
 * Moves a dossier from one public status to the next and logs the move. The only place where a
 * dossier's status changes; called from the engine (delegates), so it runs in the engine's transaction.
 */
@Service
public class DossierLifecycle {

    private final DossierRepository dossiers;
    private final Clock clock;

    public DossierLifecycle(DossierRepository dossiers, Clock clock) {
        this.dossiers = dossiers;
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
        dossiers.updateStatus(dossier.id(), change.status(), change.step(),
                DossierDates.of(dossier).reaching(change.status(), now), now);
        dossiers.appendEvent(dossier.id(), new DossierEvent(now, change.actor(), change.status(), change.step(),
                change.publicMessage(), change.internalNote()));
        return dossiers.findByCode(code).orElseThrow();
    }

    /** What a status change says: the new status, the internal step, and the words for the citizen and staff. */
    public record StatusChange(PublicStatus status, String step, String publicMessage, String internalNote,
                               String actor) {
    }
}
