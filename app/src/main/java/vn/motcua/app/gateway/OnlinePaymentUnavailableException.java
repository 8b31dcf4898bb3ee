package vn.motcua.app.gateway;

/** No online payment gateway is configured: the fee is paid at the desk. */
class OnlinePaymentUnavailableException extends RuntimeException {

    OnlinePaymentUnavailableException() {
        super("No online payment gateway is configured; the fee is paid at the one-stop desk.");
    }
}
