/**
 * Online payment through a payment gateway, gateway-neutral: {@link vn.motcua.app.gateway.PaymentGateway} (start a
 * payment, verify and apply a server-to-server notification, interpret the browser's return), the citizen's
 * {@code POST /api/public/dossiers/{code}/payments/{reference}/online}, and the log of every callback
 * ({@link vn.motcua.app.gateway.GatewayCallbacks}). The VNPAY 2.1.0 adapter is in {@code gateway.vnpay}; the local
 * simulator of the embedded defaults in {@code gateway.simulator}. See docs/payments-online.md.
 */
package vn.motcua.app.gateway;
