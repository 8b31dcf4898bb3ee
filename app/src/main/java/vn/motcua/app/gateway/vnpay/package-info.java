/**
 * The VNPAY adapter, protocol version 2.1.0: the signed redirect ({@code vnp_*} parameters, amount × 100,
 * {@code vnp_SecureHash} = HMAC-SHA512 over the sorted, URL-encoded parameters), the server-to-server IPN
 * ({@code GET /api/public/payments/vnpay/ipn}, answered {@code {"RspCode": …, "Message": …}}) and the citizen's return
 * page ({@code GET /thanh-toan/vnpay/ket-qua}). Settings {@code motcua.payments.vnpay.*}; see docs/payments-online.md.
 */
package vn.motcua.app.gateway.vnpay;
