package vn.motcua.deadline;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DocumentProperties;

/**
 * "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (after the form of Thông tư 01/2018/TT-VPCP, mẫu 05) as a PDF
 * with an embedded TrueType font, since the standard PDF fonts have no Vietnamese glyphs. The font files
 * are configuration ({@link DocumentProperties}); the defaults are Debian's fonts-dejavu-core.
 */
@Component
public class ApologyLetter {

    public static final String DOCUMENT_CODE = "phieu-xin-loi";
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy");
    private static final float MARGIN = 56;
    private static final float SIZE = 12;
    private static final float LEADING = 17;

    private final File font;
    private final File boldFont;

    public ApologyLetter(DocumentProperties documents) {
        this.font = new File(documents.font());
        this.boldFont = new File(documents.fontBold());
    }

    /** What the letter says. */
    public record Content(
            String agencyName,
            String applicantName,
            String dossierCode,
            String procedureName,
            LocalDateTime receivedAt,
            LocalDateTime dueAt,
            LocalDateTime newAppointment,
            String reason,
            LocalDateTime issuedAt) {}

    public byte[] render(Content c) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = PDType0Font.load(document, font);
            PDType0Font bold = PDType0Font.load(document, boldFont);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Phiếu xin lỗi và hẹn lại ngày trả kết quả - " + c.dossierCode());
            info.setCreator("Một cửa điện tử");
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                Writer w = new Writer(out, page.getMediaBox().getHeight() - MARGIN, width);
                w.centered(bold, c.agencyName().toUpperCase(java.util.Locale.forLanguageTag("vi")));
                w.centered(bold, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                w.centered(regular, "Độc lập - Tự do - Hạnh phúc");
                w.gap();
                w.centered(
                        regular,
                        "Ngày " + c.issuedAt().getDayOfMonth() + " tháng "
                                + c.issuedAt().getMonthValue() + " năm "
                                + c.issuedAt().getYear());
                w.gap();
                w.centered(bold, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
                w.gap();
                w.paragraph(regular, "Kính gửi: Ông/Bà " + c.applicantName());
                w.paragraph(
                        regular,
                        "Ngày " + c.receivedAt().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ", "
                                + c.agencyName() + " tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ " + c.dossierCode()
                                + ", về thủ tục: " + c.procedureName() + ".");
                w.paragraph(regular, "Thời hạn trả kết quả: " + c.dueAt().format(DATE_TIME) + ".");
                w.paragraph(
                        regular,
                        "Tuy nhiên đến nay, " + c.agencyName() + " chưa trả kết quả giải quyết hồ sơ của Ông/Bà."
                                + (c.reason() == null || c.reason().isBlank() ? "" : " Lý do: " + c.reason()));
                w.paragraph(
                        regular,
                        "Sự chậm trễ này đã gây phiền hà cho Ông/Bà. " + c.agencyName()
                                + " xin lỗi Ông/Bà và hẹn trả kết quả vào "
                                + c.newAppointment().format(DATE_TIME) + ".");
                w.paragraph(regular, "Xin trân trọng cảm ơn!");
                w.gap();
                w.centered(bold, "THỦ TRƯỞNG CƠ QUAN");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot produce the apology letter (font " + font + ")", e);
        }
    }

    /** Lays out lines top-down, wrapping paragraphs at word boundaries. */
    private static final class Writer {
        private final PDPageContentStream out;
        private final float width;
        private float y;

        Writer(PDPageContentStream out, float top, float width) {
            this.out = out;
            this.y = top;
            this.width = width;
        }

        void centered(PDType0Font font, String text) throws IOException {
            float w = font.getStringWidth(text) / 1000 * SIZE;
            line(font, text, MARGIN + Math.max(0, (width - w) / 2));
        }

        void paragraph(PDType0Font font, String text) throws IOException {
            for (String line : wrap(font, text)) {
                line(font, line, MARGIN);
            }
            y -= LEADING / 2;
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
