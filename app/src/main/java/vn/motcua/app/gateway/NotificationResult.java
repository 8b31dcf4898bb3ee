package vn.motcua.app.gateway;

/**
 * What became of a server-to-server notification.
 *
 * @param verdict the application's verdict, logged
 * @param answerCode the gateway protocol's answer code (VNPAY: {@code RspCode})
 * @param message the protocol's answer message
 */
public record NotificationResult(CallbackVerdict verdict, String answerCode, String message) {}
