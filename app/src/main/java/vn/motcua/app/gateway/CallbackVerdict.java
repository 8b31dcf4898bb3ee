package vn.motcua.app.gateway;

/** What the application made of one gateway callback; stored in {@code payment_gateway_callback.verdict}. */
public enum CallbackVerdict {
    /** Authentic, matching and paid: the payment request is now paid. */
    CONFIRMED,
    /** Authentic and matching, but the request was already paid: nothing changed. */
    ALREADY_CONFIRMED,
    /** Authentic and matching, but the gateway reports the payment failed or was cancelled: nothing paid. */
    FAILED_AT_GATEWAY,
    /** The signature is missing or wrong: nothing changed. */
    BAD_SIGNATURE,
    /** Signed, but for another merchant (terminal code): nothing changed. */
    WRONG_MERCHANT,
    /** No payment request has this reference: nothing changed. */
    UNKNOWN_REFERENCE,
    /** The amount differs from the request's: nothing changed. */
    WRONG_AMOUNT,
    /** The request expired or was closed before the notification: nothing changed (the gateway's money is refunded by hand). */
    NO_LONGER_PAYABLE,
    /** From an address not allowed to send notifications: nothing changed. */
    SOURCE_REFUSED,
    /** Parameters missing or unreadable: nothing changed. */
    MALFORMED,
    /** The application failed while applying it: nothing changed, the gateway will retry. */
    ERROR,
    /** A browser return with a valid signature, shown to the citizen. */
    RETURN_SHOWN,
    /** A browser return whose signature does not hold. */
    RETURN_FORGED
}
