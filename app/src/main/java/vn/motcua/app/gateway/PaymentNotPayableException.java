package vn.motcua.app.gateway;

import java.time.Instant;

/** The payment request is paid, expired or closed. */
class PaymentNotPayableException extends RuntimeException {

    private final transient PayableRequest request;

    PaymentNotPayableException(PayableRequest request, Instant now) {
        super(
                request.state() == PayableRequest.State.PAID
                        ? "The payment request is already paid."
                        : request.state() == PayableRequest.State.OPEN && !now.isBefore(request.expiresAt())
                                ? "The payment request expired at " + request.expiresAt() + "."
                                : "The payment request can no longer be paid.");
        this.request = request;
    }

    PayableRequest request() {
        return request;
    }
}
