package vn.motcua.app.gateway;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.payment.OnlinePayment;
import vn.motcua.payment.Payment;
import vn.motcua.payment.Payments;

/** The gateways' ledger is {@link Payments}: confirming correlates the waiting process, so the dossier moves on. */
@Component
class PaymentsLedger implements PaymentLedger {

    private final Payments payments;

    PaymentsLedger(Payments payments) {
        this.payments = payments;
    }

    @Override
    public Optional<PayableRequest> find(String reference) {
        return payments.find(reference).map(PaymentsLedger::view);
    }

    @Override
    public Confirmation confirm(
            String reference, long amount, String gateway, String gatewayTransaction, Instant paidAt) {
        return switch (payments.confirmOnline(new OnlinePayment(reference, amount, gateway, gatewayTransaction, paidAt))
                .outcome()) {
            case CONFIRMED -> Confirmation.CONFIRMED;
            case ALREADY_CONFIRMED -> Confirmation.ALREADY_CONFIRMED;
            case UNKNOWN_REFERENCE -> Confirmation.UNKNOWN_REFERENCE;
            case AMOUNT_MISMATCH -> Confirmation.AMOUNT_MISMATCH;
            case NOT_PAYABLE -> Confirmation.NO_LONGER_PAYABLE;
        };
    }

    static PayableRequest view(Payment p) {
        PayableRequest.State state =
                switch (p.status()) {
                    case REQUESTED -> PayableRequest.State.OPEN;
                    case PAID, REFUNDED -> PayableRequest.State.PAID;
                    case EXPIRED, CANCELLED -> PayableRequest.State.CLOSED;
                };
        return new PayableRequest(p.reference(), p.dossierCode(), p.amount(), p.expiresAt(), state);
    }
}
