package vn.motcua.app.payment;

import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.app.clerk.DossierSection;
import vn.motcua.app.security.DossierAccess;
import vn.motcua.dossier.Dossier;
import vn.motcua.engine.EngineClock;
import vn.motcua.payment.Dong;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentRepository;
import vn.motcua.payment.PaymentStatus;

/**
 * The clerk's dossier view: each payment (status, amount, reference, receipt) and, while a request is open, the desk
 * payment form, which posts to {@code POST /api/dossiers/{code}/payments/desk} (its rules and problems stay there).
 * The form is offered only to a reader that API takes it from (a desk clerk of the receiving agency); the receipt link
 * only to a reader of the payments (a desk clerk of the receiving or return desk, a specialist or leader of the
 * competent agency), as {@link DossierPaymentController} checks.
 */
@Component
class PaymentSection implements DossierSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final PaymentRepository ledger;
    private final DossierAccess access;

    PaymentSection(PaymentRepository ledger, DossierAccess access) {
        this.ledger = ledger;
        this.access = access;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleVi() {
        return "Phí, lệ phí và thanh toán";
    }

    @Override
    public String titleEn() {
        return "Fees and payments";
    }

    /** Without a reader: the payments as text, nothing to act on. */
    @Override
    public List<Line> lines(Dossier dossier) {
        return lines(dossier, false, false);
    }

    @Override
    public List<Line> lines(Dossier dossier, Principal reader) {
        return lines(
                dossier,
                access.may(reader, dossier, DossierPaymentController.DESK),
                access.may(reader, dossier, DossierPaymentController.READERS));
    }

    private List<Line> lines(Dossier dossier, boolean takesPayments, boolean readsReceipts) {
        List<Line> lines = new ArrayList<>();
        for (Payment p : ledger.ofDossier(dossier.id())) {
            String value = Dong.format(p.amount()) + " — " + status(p.status()) + " — " + p.reference()
                    + (p.method() == null ? "" : " — " + p.method().name())
                    + (p.paidAt() == null ? "" : " — " + WHEN.format(p.paidAt().atZone(EngineClock.VIETNAM)));
            String label = p.legalBasis() == null || p.legalBasis().isBlank() ? "Khoản thu / Payment" : p.legalBasis();
            if (p.status() == PaymentStatus.REQUESTED && takesPayments) {
                lines.add(Line.deskPayment(
                        label, value, "/api/dossiers/" + dossier.code() + "/payments/desk", p.amount()));
            } else if (p.receiptNumber() != null && readsReceipts) {
                lines.add(Line.link(
                        label,
                        value + " — Biên lai / Receipt " + p.receiptSeries() + " " + p.receiptNumberText(),
                        "/api/dossiers/" + dossier.code() + "/payments/" + p.reference() + "/receipt"));
            } else {
                lines.add(Line.text(label, value));
            }
        }
        return lines;
    }

    private static String status(PaymentStatus status) {
        return switch (status) {
            case REQUESTED -> "Chờ nộp / Awaiting payment";
            case PAID -> "Đã nộp / Paid";
            case EXPIRED -> "Hết hạn / Expired";
            case CANCELLED -> "Đã huỷ / Cancelled";
            case REFUNDED -> "Hoàn trả / Refunded";
        };
    }
}
