package vn.motcua.payment;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.AgencyNames;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.engine.EngineClock;
import vn.motcua.fee.FeeQuote;

/**
 * The electronic receipt (biên lai thu phí, lệ phí điện tử) of a paid payment as a PDF: the collecting agency, the
 * receipt's series (agency and year) and number, the payer, the dossier, each fee item and the total, how and when
 * it was paid, and the legal basis. Rendered on demand from the payment row, so it never differs from the ledger;
 * Vietnamese text in the embedded TrueType font of {@link DocumentProperties} (the standard PDF fonts have no
 * Vietnamese glyphs). A refunded payment's receipt says so.
 */
@Component
public class PaymentReceipt {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy", Locale.ROOT);
    private static final float MARGIN = 56;
    private static final float SIZE = 11;
    private static final float LEADING = 16;

    private final PaymentRepository payments;
    private final DossierRepository dossiers;
    private final File font;
    private final File boldFont;

    public PaymentReceipt(PaymentRepository payments, DossierRepository dossiers, DocumentProperties documents) {
        this.payments = payments;
        this.dossiers = dossiers;
        this.font = new File(documents.font());
        this.boldFont = new File(documents.fontBold());
    }

    /** The receipt of a dossier's payment, if the payment belongs to the dossier and was paid. */
    public Optional<byte[]> render(String dossierCode, String reference) {
        return payments.findByReference(reference)
                .filter(p -> p.dossierCode().equals(dossierCode))
                .filter(p -> p.receiptNumber() != null)
                .map(p -> render(p, dossiers.findByCode(dossierCode).orElseThrow()));
    }

    /** The file name the receipt is downloaded as. */
    public static String fileName(Payment p) {
        return "bien-lai-" + p.receiptSeries() + "-" + p.receiptNumberText() + ".pdf";
    }

    byte[] render(Payment p, Dossier dossier) {
        AgencyNames names = dossiers.agencyNames(dossier.id());
        String agency = names.receiving() == null ? p.agencyCode() : names.receiving();
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = PDType0Font.load(document, font);
            PDType0Font bold = PDType0Font.load(document, boldFont);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Biên lai thu phí, lệ phí " + p.receiptSeries() + " số " + p.receiptNumberText());
            info.setCreator("Một cửa điện tử");
            PDPage page = new PDPage(PDRectangle.A5);
            document.addPage(page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN / 2;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                Lines w = new Lines(out, page.getMediaBox().getHeight() - MARGIN / 2, width, MARGIN / 2);
                w.centered(bold, agency.toUpperCase(Locale.forLanguageTag("vi")));
                w.centered(regular, "Mã đơn vị: " + p.agencyCode());
                w.gap();
                w.centered(bold, "BIÊN LAI THU PHÍ, LỆ PHÍ");
                w.centered(regular, "(Biên lai điện tử)");
                w.centered(regular, "Ký hiệu: " + p.receiptSeries() + "    Số: " + p.receiptNumberText());
                w.gap();
                w.paragraph(regular, "Người nộp: " + dossier.applicant().name());
                if (dossier.applicant().address() != null
                        && !dossier.applicant().address().isBlank()) {
                    w.paragraph(regular, "Địa chỉ: " + dossier.applicant().address());
                }
                w.paragraph(regular, "Mã hồ sơ: " + dossier.code());
                w.paragraph(regular, "Mã thanh toán: " + p.reference());
                w.gap();
                for (FeeQuote.Item item : p.items()) {
                    w.paragraph(regular, "- " + item.name() + ": " + Dong.format(item.amount()));
                }
                w.paragraph(bold, "Tổng cộng: " + Dong.format(p.amount()));
                w.gap();
                w.paragraph(regular, "Hình thức nộp: " + method(p));
                w.paragraph(
                        regular, "Thời điểm nộp: " + DATE_TIME.format(p.paidAt().atZone(EngineClock.VIETNAM)));
                if (p.recordedBy() != null) {
                    w.paragraph(regular, "Người thu: " + p.recordedBy());
                }
                if (p.legalBasis() != null) {
                    w.paragraph(regular, "Căn cứ: " + p.legalBasis());
                }
                if (p.status() == PaymentStatus.REFUNDED) {
                    w.gap();
                    w.paragraph(
                            bold,
                            "ĐÃ HOÀN TRẢ từ " + DATE_TIME.format(p.closedAt().atZone(EngineClock.VIETNAM)) + ". Lý do: "
                                    + p.closeReason());
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot produce the receipt of payment " + p.reference() + " (font " + font + ")", e);
        }
    }

    private static String method(Payment p) {
        return switch (p.method()) {
            case ONLINE -> "Trực tuyến qua " + p.gateway() + ", mã giao dịch " + p.gatewayTransactionNo();
            case DESK_CASH -> "Tiền mặt tại Bộ phận Một cửa";
            case DESK_CARD -> "Thẻ ngân hàng tại Bộ phận Một cửa";
        };
    }

    /**
     * A citizen's text as the font can print it: control characters become spaces and a character the font has no
     * glyph for becomes "?", so no name or address can break the receipt.
     */
    static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
                return;
            }
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                out.append(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Lines top-down, paragraphs wrapped at word boundaries. */
    private static final class Lines {
        private final PDPageContentStream out;
        private final float width;
        private final float margin;
        private float y;

        Lines(PDPageContentStream out, float top, float width, float margin) {
            this.out = out;
            this.y = top;
            this.width = width;
            this.margin = margin;
        }

        void centered(PDType0Font font, String raw) throws IOException {
            String text = printable(font, raw);
            float w = font.getStringWidth(text) / 1000 * SIZE;
            line(font, text, margin + Math.max(0, (width - w) / 2));
        }

        void paragraph(PDType0Font font, String raw) throws IOException {
            for (String line : wrap(font, printable(font, raw))) {
                line(font, line, margin);
            }
        }

        void gap() {
            y -= LEADING / 2;
        }

        private void line(PDType0Font font, String text, float x) throws IOException {
            out.beginText();
            out.setFont(font, SIZE);
            out.newLineAtOffset(x, y);
            out.showText(text);
            out.endText();
            y -= LEADING;
        }

        private List<String> wrap(PDType0Font font, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * SIZE > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
