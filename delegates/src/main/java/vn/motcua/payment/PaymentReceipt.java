package vn.motcua.payment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.document.OfficialDocuments;
import vn.motcua.document.QrContent;
import vn.motcua.dossier.AgencyNames;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.engine.EngineClock;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ProcedureDescriptor;

/**
 * The electronic receipt (biên lai thu phí, lệ phí điện tử) of a paid payment as a PDF: the collecting agency, the
 * receipt's series (agency and year) and number, the payer, the dossier, each fee item, the total in figures and in
 * words, how and when it was paid, and the legal basis; a refunded payment's receipt says so, why and since when.
 * Rendered on demand from the payment row, so it never differs from the ledger, by {@link OfficialDocuments} from
 * the template {@code documents/bien-lai.xhtml}: PDF/A-2b in the embedded DejaVu font, with the QR code of Thông
 * tư 01/2023/TT-VPCP at the top left (the dossier, the document's name, the time of issue = when the payment was
 * confirmed). The template's values are listed in docs/documents.md.
 */
@Component
public class PaymentReceipt {

    /** The document's name, as the QR code carries it. */
    public static final String DOCUMENT_NAME = "Biên lai thu phí, lệ phí";

    /** The template, {@code documents/bien-lai.xhtml}. */
    public static final String TEMPLATE = "bien-lai";

    private final PaymentRepository payments;
    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final OfficialDocuments documents;

    public PaymentReceipt(
            PaymentRepository payments,
            DossierRepository dossiers,
            ProcedureCatalog catalog,
            OfficialDocuments documents) {
        this.payments = payments;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.documents = documents;
    }

    /** The receipt of a dossier's payment, if the payment belongs to the dossier and was paid. */
    public Optional<byte[]> render(String dossierCode, String reference) {
        return payments.findByReference(reference)
                .filter(p -> p.dossierCode().equals(dossierCode))
                .filter(p -> p.receiptNumber() != null)
                .map(p -> {
                    Dossier dossier = dossiers.findByCode(dossierCode).orElseThrow();
                    AgencyNames names = dossiers.agencyNames(dossier.id());
                    Optional<ProcedureDescriptor> procedure = catalog.version(
                                    dossier.procedureKey(), dossier.procedureVersion())
                            .map(v -> v.descriptor());
                    return render(p, dossier, names.receiving(), procedure.orElse(null));
                });
    }

    /** The file name the receipt is downloaded as. */
    public static String fileName(Payment p) {
        return "bien-lai-" + p.receiptSeries() + "-" + p.receiptNumberText() + ".pdf";
    }

    /**
     * The receipt of a paid payment.
     *
     * @param agencyName the collecting agency's name (its code when null)
     * @param procedure  the dossier's procedure, for its name and national code (null when unknown)
     */
    byte[] render(Payment p, Dossier dossier, String agencyName, ProcedureDescriptor procedure) {
        return documents.render(TEMPLATE, data(p, dossier, agencyName, procedure), qr(p, dossier, procedure));
    }

    /** What the QR code of the payment's receipt carries. */
    QrContent qr(Payment p, Dossier dossier, ProcedureDescriptor procedure) {
        return new QrContent(
                dossier.code(),
                procedure == null ? null : procedure.nationalCode(),
                dossier.applicant().identityNumber(),
                DOCUMENT_NAME,
                documents.issuingSystem(),
                local(p.confirmedAt() != null ? p.confirmedAt() : p.paidAt()),
                null,
                null);
    }

    static Map<String, Object> data(Payment p, Dossier dossier, String agencyName, ProcedureDescriptor procedure) {
        Map<String, Object> data = new HashMap<>();
        data.put("coQuan", agencyName == null ? p.agencyCode() : agencyName);
        data.put("maCoQuan", p.agencyCode());
        data.put("kyHieu", p.receiptSeries());
        data.put("so", p.receiptNumberText());
        Map<String, Object> payer = new HashMap<>();
        payer.put("hoTen", dossier.applicant().name());
        payer.put("dinhDanh", dossier.applicant().identityNumber());
        payer.put("diaChi", dossier.applicant().address());
        data.put("nguoiNop", payer);
        data.put(
                "thuTuc",
                procedure == null || procedure.name() == null
                        ? null
                        : procedure.name().vi());
        data.put("maThanhToan", p.reference());
        List<Map<String, Object>> items = p.items().stream()
                .map(i -> Map.<String, Object>of(
                        "ten", i.name(), "soTien", Dong.format(i.amount()), "giaTri", i.amount()))
                .toList();
        data.put("khoanThu", items);
        data.put("tongCong", Dong.format(p.amount()));
        data.put("tongTien", p.amount());
        data.put("bangChu", Dong.words(p.amount()));
        data.put("hinhThuc", method(p));
        data.put("nopLuc", local(p.paidAt()));
        data.put("nguoiThu", p.recordedBy());
        data.put("canCu", p.legalBasis());
        data.put(
                "hoanTra",
                p.status() == PaymentStatus.REFUNDED
                        ? Map.of("luc", local(p.closedAt()), "lyDo", p.closeReason() == null ? "" : p.closeReason())
                        : null);
        return data;
    }

    private static String method(Payment p) {
        return switch (p.method()) {
            case ONLINE -> "Trực tuyến qua " + p.gateway() + ", mã giao dịch " + p.gatewayTransactionNo();
            case DESK_CASH -> "Tiền mặt tại Bộ phận Một cửa";
            case DESK_CARD -> "Thẻ ngân hàng tại Bộ phận Một cửa";
        };
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, EngineClock.VIETNAM);
    }
}
