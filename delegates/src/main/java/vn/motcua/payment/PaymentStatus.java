package vn.motcua.payment;

/** Where a payment request stands. Only {@link #REQUESTED} can still be paid. */
public enum PaymentStatus {
    /** Asked for and not yet paid; payable until its expiry. */
    REQUESTED,
    /** Paid online or at the desk; has a receipt. */
    PAID,
    /** Not paid before its expiry; the dossier stopped. */
    EXPIRED,
    /** Not paid and no longer asked for (the dossier was withdrawn, stopped or refused meanwhile). */
    CANCELLED,
    /** Paid, then owed back to the citizen because the dossier ended where the law refunds. */
    REFUNDED
}
