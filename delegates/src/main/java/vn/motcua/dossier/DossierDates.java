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
            case PROCESSED, NOT_RECEIVED, STOPPED -> new DossierDates(receivedAt, now, returnedAt);
            case RESULT_RETURNED -> new DossierDates(receivedAt, finishedAt, now);
            default -> this;
        };
    }
}
