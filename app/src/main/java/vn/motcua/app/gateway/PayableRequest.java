package vn.motcua.app.gateway;

import java.time.Instant;

/**
 * A payment request as the gateways see it in the ledger.
 *
 * @param reference the unguessable payment reference, sent to the gateway as the order number
 * @param dossierCode the dossier the fee is for
 * @param amount the amount due, whole đồng
 * @param expiresAt after it the request can no longer be paid
 * @param state whether it can still be paid
 */
public record PayableRequest(String reference, String dossierCode, long amount, Instant expiresAt, State state) {

    public enum State {
        /** Waiting for payment. */
        OPEN,
        /** Paid (online or at the desk). */
        PAID,
        /** Expired, cancelled, or the dossier stopped: it can no longer be paid. */
        CLOSED
    }

    public PayableRequest withState(State newState) {
        return new PayableRequest(reference, dossierCode, amount, expiresAt, newState);
    }

    public boolean payableAt(Instant now) {
        return state == State.OPEN && now.isBefore(expiresAt);
    }
}
