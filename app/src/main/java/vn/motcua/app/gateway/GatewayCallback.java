package vn.motcua.app.gateway;

import java.time.Instant;

/**
 * One callback from a gateway as logged: never the signature or any secret.
 *
 * @param kind {@code NOTIFICATION} (server to server) or {@code RETURN} (the citizen's browser)
 * @param reference the payment reference the callback names, as sent
 * @param amount the amount it claims, whole đồng, when readable
 * @param parameters the parameters as received, signature left out, in the order received
 */
public record GatewayCallback(
        Instant receivedAt,
        String gateway,
        String kind,
        String reference,
        Long amount,
        String gatewayTransaction,
        String gatewayCode,
        CallbackVerdict verdict,
        String answerCode,
        String remoteAddress,
        String parameters) {

    public static final String NOTIFICATION = "NOTIFICATION";
    public static final String RETURN = "RETURN";
}
