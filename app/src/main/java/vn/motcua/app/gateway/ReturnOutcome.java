package vn.motcua.app.gateway;

import java.util.Optional;

/**
 * What to show a citizen whose browser the gateway sent back. Only the notification marks a payment paid; this
 * says what the gateway reported and what the ledger holds now.
 *
 * @param authentic whether the gateway's signature holds; when not, nothing else is shown
 * @param gatewayReportsPaid whether the gateway says the payment succeeded
 * @param gatewayCode the gateway's response code, e.g. {@code 24} (cancelled by the customer)
 * @param request the ledger's payment request, when the reference is known
 */
public record ReturnOutcome(
        boolean authentic, boolean gatewayReportsPaid, String gatewayCode, Optional<PayableRequest> request) {

    public static ReturnOutcome forged() {
        return new ReturnOutcome(false, false, null, Optional.empty());
    }
}
