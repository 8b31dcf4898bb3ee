package vn.motcua.app.gateway;

import java.net.URI;
import java.util.Map;

/**
 * A payment gateway of the redirect-and-notification kind the Vietnamese gateways share (VNPAY, and in the same
 * shape the national public-service portal's payment platform): the citizen's browser is sent to the gateway with
 * a signed request, the gateway tells the application the outcome server to server (the only thing that may mark a
 * payment paid), and sends the browser back with a signed copy of the outcome to show.
 */
public interface PaymentGateway {

    /** The gateway's short name, stored with each callback and each confirmed payment, e.g. {@code vnpay}. */
    String name();

    /** The address to send the citizen's browser to, to pay this request. */
    URI start(PaymentStart start);

    /**
     * Verifies a server-to-server notification and, when it holds, applies it to the ledger. Idempotent: a repeat
     * changes nothing. Every notification, accepted or refused, is logged. Never throws for what the caller sent.
     */
    NotificationResult notification(Map<String, String> parameters, String remoteAddress);

    /** Verifies the browser's return and says what to show; changes nothing in the ledger. Logged too. */
    ReturnOutcome browserReturn(Map<String, String> parameters, String remoteAddress);
}
