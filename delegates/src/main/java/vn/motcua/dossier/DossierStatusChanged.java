package vn.motcua.dossier;

import java.time.Instant;

/**
 * Published, synchronously and inside the engine's transaction, each time {@link DossierLifecycle} changes a
 * dossier's status; the deadline clock and the citizen's notifications listen to it, so the dossier does not
 * depend on them.
 *
 * @param before        the dossier as it was before the change
 * @param after         the dossier as it is now
 * @param receivedAt    when the dossier was received, if it has been
 * @param at            when the change happened
 * @param publicMessage the words for the citizen (what to supplement, why refused), may be null
 */
public record DossierStatusChanged(
        Dossier before, Dossier after, Instant receivedAt, Instant at, String publicMessage) {

    /** Whether the public status really moved (a step inside one status publishes too). */
    public boolean statusMoved() {
        return before.publicStatus() != after.publicStatus();
    }
}
