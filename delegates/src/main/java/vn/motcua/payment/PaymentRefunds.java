package vn.motcua.payment;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.notification.CitizenNotifications;
import vn.motcua.procedure.ProcedureCatalog;

/**
 * What a dossier's end means for its payments, in the transaction of the status change: when a dossier ends
 * without a result ({@link #ENDS_WITHOUT_RESULT}: not received, withdrawn, stopped), a request still open is
 * cancelled, and a fee already paid is owed back: the payment is marked {@link PaymentStatus#REFUNDED} with the
 * reason (the public status view and the receipt show it) and the citizen is told by SMS and e-mail (docs/fees.md,
 * "Refunds"). The dossier's timeline ends with the status change itself. A dossier
 * stopped because its payment expired had nothing paid, so nothing is refunded.
 */
@Component
public class PaymentRefunds {

    /** The statuses that end a dossier without the service the fee pays for. */
    public static final Set<PublicStatus> ENDS_WITHOUT_RESULT =
            EnumSet.of(PublicStatus.NOT_RECEIVED, PublicStatus.WITHDRAWAL_REQUESTED, PublicStatus.STOPPED);

    private final PaymentRepository payments;
    private final CitizenNotifications notifications;
    private final ProcedureCatalog catalog;

    public PaymentRefunds(PaymentRepository payments, CitizenNotifications notifications, ProcedureCatalog catalog) {
        this.payments = payments;
        this.notifications = notifications;
        this.catalog = catalog;
    }

    @EventListener
    @Order(2)
    public void on(DossierStatusChanged change) {
        if (!change.statusMoved()
                || !ENDS_WITHOUT_RESULT.contains(change.after().publicStatus())) {
            return;
        }
        Dossier dossier = change.after();
        String why = "Hồ sơ " + dossier.publicStatus().nameVi().toLowerCase(java.util.Locale.ROOT);
        for (Payment payment : payments.ofDossier(dossier.id())) {
            if (payment.status() == PaymentStatus.REQUESTED) {
                payments.close(payment.id(), PaymentStatus.REQUESTED, PaymentStatus.CANCELLED, why, change.at());
            } else if (payment.status() == PaymentStatus.PAID
                    && payments.close(payment.id(), PaymentStatus.PAID, PaymentStatus.REFUNDED, why, change.at())) {
                String message = "Phí, lệ phí " + Dong.format(payment.amount()) + " đã nộp (biên lai số "
                        + payment.receiptNumberText() + ", ký hiệu " + payment.receiptSeries()
                        + ") sẽ được hoàn trả cho Ông/Bà. Lý do: " + why + ".";
                notifications.notify(
                        dossier,
                        "payment-refunded",
                        catalog.version(dossier.procedureKey(), dossier.procedureVersion())
                                .map(p -> p.descriptor().name().vi())
                                .orElse(null),
                        message);
            }
        }
    }
}
