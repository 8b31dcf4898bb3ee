package vn.motcua.app.gateway;

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
     */
    Confirmation confirm(String reference, long amount, String gateway, String gatewayTransaction);

    enum Confirmation {
        CONFIRMED,
        ALREADY_CONFIRMED,
        UNKNOWN_REFERENCE,
        AMOUNT_MISMATCH,
        NO_LONGER_PAYABLE
    }
}
