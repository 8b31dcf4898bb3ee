/**
 * A local stand-in for VNPAY, only with the embedded defaults and no VNPAY terminal configured: its own payment page
 * ({@code /gia-lap-vnpay/vpcpay.html}, clearly marked as a simulator) where a person pays or cancels, then the
 * signed IPN server to server and the signed browser return, as VNPAY does. The merchant secret is made once under
 * {@code <motcua.data-dir>/payment-simulator}. Never present outside embedded mode.
 */
package vn.motcua.app.gateway.simulator;
