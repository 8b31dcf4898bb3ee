package vn.motcua.app.gateway;

import java.time.Instant;
import java.util.Optional;

/** The gateways' view of the payment ledger: find a request by its reference, confirm an online payment. */
public interface PaymentLedger {

    Optional<PayableRequest> find(String reference);

    /**
     * Confirms that the gateway took the amount for the request. Idempotent; a confirmed payment moves the waiting
     * dossier on.
     *
     * @param amount whole đồng, as the gateway reported it
     * @param gatewayTransaction the gateway's own transaction number
     * @param paidAt when the gateway says it was paid; after the request's expiry it is no longer payable
     */
    Confirmation confirm(String reference, long amount, String gateway, String gatewayTransaction, Instant paidAt);

    enum Confirmation {
        CONFIRMED,
        ALREADY_CONFIRMED,
        UNKNOWN_REFERENCE,
        AMOUNT_MISMATCH,
        NO_LONGER_PAYABLE
    }
}
