package vn.motcua.dossier;

import java.time.Instant;

/** The milestones a status change may stamp. */
record DossierDates(Instant receivedAt, Instant finishedAt, Instant returnedAt) {

    static DossierDates of(Dossier d) {
        return new DossierDates(d.receivedAt(), d.finishedAt(), d.returnedAt());
    }

    /** Stamps the moment the dossier reaches a milestone status, keeping an earlier stamp. */
    DossierDates reaching(PublicStatus status, Instant now) {
        return switch (status) {
            case RECEIVED -> new DossierDates(receivedAt == null ? now : receivedAt, finishedAt, returnedAt);
            // A withdrawal ends the dossier's process too: its handling is finished.
            case PROCESSED, NOT_RECEIVED, STOPPED, WITHDRAWAL_REQUESTED ->
                new DossierDates(receivedAt, now, returnedAt);
            case RESULT_RETURNED -> new DossierDates(receivedAt, finishedAt, now);
            default -> this;
        };
    }
}
