package vn.motcua.payment;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.engine.CurrentActor;
import vn.motcua.notification.CitizenNotifications;
import vn.motcua.procedure.ProcedureCatalog;

/**
 * "Nhắc nộp phí, lệ phí": the payment request is still open before its expiry; tells the citizen again (SMS and
 * e-mail through the outbox) and writes the reminder on the timeline. Used as {@code ${remindPayment}} behind the
 * non-interrupting reminder timer of the payment step. A request paid meanwhile is not reminded.
 */
@Component("remindPayment")
public class RemindPaymentDelegate implements JavaDelegate {

    private final Payments payments;
    private final DossierRepository dossiers;
    private final CitizenNotifications notifications;
    private final ProcedureCatalog catalog;
    private final Clock clock;

    public RemindPaymentDelegate(
            Payments payments,
            DossierRepository dossiers,
            CitizenNotifications notifications,
            ProcedureCatalog catalog,
            Clock clock) {
        this.payments = payments;
        this.dossiers = dossiers;
        this.notifications = notifications;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(RequestPaymentDelegate.VAR_PAYMENT_REFERENCE);
        Payment payment = payments.find(reference).orElseThrow();
        if (payment.status() != PaymentStatus.REQUESTED) {
            return;
        }
        Dossier dossier = dossiers.findByCode(payment.dossierCode()).orElseThrow();
        String message = "Nhắc nộp phí, lệ phí. " + Payments.requestedMessage(payment);
        dossiers.appendEvent(
                dossier.id(),
                new DossierEvent(
                        clock.instant(),
                        CurrentActor.SYSTEM,
                        dossier.publicStatus(),
                        "payment-reminder",
                        message,
                        "payment " + reference + " reminded"));
        notifications.notify(
                dossier,
                "payment-reminder",
                catalog.version(dossier.procedureKey(), dossier.procedureVersion())
                        .map(p -> p.descriptor().name().vi())
                        .orElse(null),
                Payments.requestedMessage(payment));
    }
}
