package vn.motcua.app.payment;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.app.clerk.DossierSection;
import vn.motcua.dossier.Dossier;
import vn.motcua.engine.EngineClock;
import vn.motcua.payment.Dong;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentRepository;
import vn.motcua.payment.PaymentStatus;

/**
 * The clerk's dossier view: each payment (status, amount, reference, receipt) and, while a request is open, the desk
 * payment form, which posts to {@code POST /api/dossiers/{code}/payments/desk} (its rules and problems stay there).
 */
@Component
class PaymentSection implements DossierSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final PaymentRepository ledger;

    PaymentSection(PaymentRepository ledger) {
        this.ledger = ledger;
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

    @Override
    public List<Line> lines(Dossier dossier) {
        List<Line> lines = new ArrayList<>();
        for (Payment p : ledger.ofDossier(dossier.id())) {
            String value = Dong.format(p.amount()) + " — " + status(p.status()) + " — " + p.reference()
                    + (p.method() == null ? "" : " — " + p.method().name())
                    + (p.paidAt() == null ? "" : " — " + WHEN.format(p.paidAt().atZone(EngineClock.VIETNAM)));
            String label = p.legalBasis() == null || p.legalBasis().isBlank() ? "Khoản thu / Payment" : p.legalBasis();
            if (p.status() == PaymentStatus.REQUESTED) {
                lines.add(Line.deskPayment(
                        label, value, "/api/dossiers/" + dossier.code() + "/payments/desk", p.amount()));
            } else if (p.receiptNumber() != null) {
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
