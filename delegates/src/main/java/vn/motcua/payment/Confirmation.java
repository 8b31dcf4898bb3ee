package vn.motcua.payment;

/**
 * What {@link Payments#confirmOnline} or {@link Payments#recordAtDesk} made of a payment notice.
 *
 * @param payment the payment as it now is; null only for {@link Outcome#UNKNOWN_REFERENCE}
 */
public record Confirmation(Outcome outcome, Payment payment) {

    /** The answers a gateway's callback handler maps to its protocol's codes (VNPAY: 00, 02, 01, 04, 02). */
    public enum Outcome {
        /** Paid now: the payment is recorded, the receipt numbered, the dossier moves on. */
        CONFIRMED,
        /** It was already paid: nothing changed (a repeated notice). */
        ALREADY_CONFIRMED,
        /** No payment request has this reference: nothing changed. */
        UNKNOWN_REFERENCE,
        /** The amount differs from the request's: nothing changed. */
        AMOUNT_MISMATCH,
        /** The request expired or was cancelled (or the payment came after its expiry): nothing changed. */
        NOT_PAYABLE;

        /** Whether the payment is (now or already) recorded as paid. */
        public boolean paid() {
            return this == CONFIRMED || this == ALREADY_CONFIRMED;
        }
    }
}
