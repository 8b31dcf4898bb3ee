package vn.motcua.payment;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierLifecycle;
import vn.motcua.dossier.DossierLifecycle.StatusChange;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.engine.CurrentActor;
import vn.motcua.engine.EngineClock;

/**
 * "Dừng xử lý do quá hạn nộp phí": the payment request was not paid by its expiry. Marks it
 * {@link PaymentStatus#EXPIRED} and stops the dossier (status 8) with the reason on its timeline. Used as
 * {@code ${expirePayment}} behind the interrupting expiry timer of the payment step. A payment that won the race
 * (confirmed in the same moment) makes this step fail, so the engine retries it and then finds the receive task
 * gone; nothing is stopped.
 */
@Component("expirePayment")
public class ExpirePaymentDelegate implements JavaDelegate {

    public static final String STEP = "payment-expired";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy", Locale.ROOT);

    private final Payments payments;
    private final DossierLifecycle lifecycle;

    public ExpirePaymentDelegate(Payments payments, DossierLifecycle lifecycle) {
        this.payments = payments;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(RequestPaymentDelegate.VAR_PAYMENT_REFERENCE);
        Payment payment = payments.find(reference).orElseThrow();
        String reason = "Quá hạn nộp phí, lệ phí " + Dong.format(payment.amount()) + " (mã thanh toán "
                + payment.reference() + ", hạn nộp "
                + DATE_TIME.format(payment.expiresAt().atZone(EngineClock.VIETNAM))
                + ")";
        if (!payments.expire(reference, reason)) {
            throw new IllegalStateException("Payment " + reference + " of dossier " + payment.dossierCode()
                    + " is no longer open (" + payment.status() + "); the dossier is not stopped");
        }
        lifecycle.changeStatus(
                execution.getProcessBusinessKey(),
                new StatusChange(
                        PublicStatus.STOPPED,
                        STEP,
                        "Hồ sơ bị dừng xử lý. Lý do: " + reason + ".",
                        "payment " + reference + " expired",
                        CurrentActor.SYSTEM));
    }
}
