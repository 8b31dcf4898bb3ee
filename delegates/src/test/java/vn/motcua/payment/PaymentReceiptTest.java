package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.motcua.document.OfficialDocumentProperties;
import vn.motcua.document.OfficialDocuments;
import vn.motcua.document.QrCodes;
import vn.motcua.document.QrContent;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.fee.FeeQuote;
import vn.motcua.procedure.ServiceLevel;
import vn.motcua.testing.PdfTools;
import vn.motcua.testing.QrReaders;

/**
 * The receipt's layout from a ledger row, without a database: the template {@code bien-lai} through the document
 * core, read back by poppler (text), qpdf (structure), zbarimg and the application's own QR reader.
 */
class PaymentReceiptTest {

    private static final OfficialDocuments DOCUMENTS = new OfficialDocuments(
            new DocumentProperties(
                    DataSize.ofMegabytes(10),
                    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            new OfficialDocumentProperties("https://dichvucong.example.gov.vn", "Hệ thống một cửa thử nghiệm"));
    private static final PaymentReceipt RECEIPTS = new PaymentReceipt(null, null, null, DOCUMENTS);

    // 09:15:30 on 3 March 2026, Vietnam time (UTC+7)
    private static final Instant PAID = Instant.parse("2026-03-03T02:15:30Z");

    private static final Dossier DOSSIER = new Dossier(
            7,
            "000.00.99.H99-260303-0042",
            "cap-phieu-ly-lich-tu-phap",
            1,
            "pi-1",
            new Applicant(
                    "Nguyễn Thị Ánh Tuyết",
                    "001099012345",
                    LocalDate.of(1999, 5, 1),
                    "0912345678",
                    null,
                    "Số 7, đường Lý Thường Kiệt"),
            "000.00.99.H99",
            "000.00.99.H99",
            "000.00.99.H99",
            Channel.ONLINE,
            ServiceLevel.FULL_ONLINE,
            PublicStatus.PROCESSING,
            "xu-ly",
            PAID,
            PAID,
            PAID.plusSeconds(86_400 * 10),
            null,
            null);

    private static Payment online(PaymentStatus status, Instant closedAt, String reason) {
        return new Payment(
                1,
                "TT7K3QX9",
                DOSSIER.id(),
                DOSSIER.code(),
                "000.00.99.H99",
                1_234_000,
                "VND",
                List.of(
                        new FeeQuote.Item("Lệ phí cấp Phiếu lý lịch tư pháp", 1_200_000),
                        new FeeQuote.Item("Phí cấp thêm Phiếu thứ ba trở đi", 34_000)),
                "Thông tư 16/2025/TT-BTC",
                status,
                PAID.minusSeconds(3600),
                PAID.plusSeconds(86_400),
                PaymentMethod.ONLINE,
                "vnpay",
                "14012345",
                null,
                PAID,
                PAID.plusSeconds(4),
                2026,
                42,
                closedAt,
                reason);
    }

    @Test
    void theReceiptReadsInVietnameseWithTheNumberTheItemsTheTotalInFiguresAndWordsAndTheMethod() {
        byte[] pdf = RECEIPTS.render(online(PaymentStatus.PAID, null, null), DOSSIER, "UBND xã Thử Nghiệm", null);

        String text = PdfTools.text(pdf).replaceAll("\\s+", " "); // qpdf --check passes first
        assertThat(text)
                .contains("UBND XÃ THỬ NGHIỆM")
                .contains("Mã đơn vị: 000.00.99.H99")
                .contains("BIÊN LAI THU PHÍ, LỆ PHÍ")
                .contains("Ký hiệu: 000.00.99.H99-2026 Số: 0000042")
                .contains("Người nộp: Nguyễn Thị Ánh Tuyết")
                .contains("Địa chỉ: Số 7, đường Lý Thường Kiệt")
                .contains("Mã hồ sơ: 000.00.99.H99-260303-0042")
                .contains("Mã thanh toán: TT7K3QX9")
                .contains("Lệ phí cấp Phiếu lý lịch tư pháp 1.200.000 đ")
                .contains("Phí cấp thêm Phiếu thứ ba trở đi 34.000 đ")
                .contains("Tổng cộng: 1.234.000 đ")
                .contains("Bằng chữ: Một triệu hai trăm ba mươi tư nghìn đồng.")
                .contains("Hình thức nộp: Trực tuyến qua vnpay, mã giao dịch 14012345")
                .contains("Thời điểm nộp: 09:15 ngày 03/03/2026")
                .contains("Căn cứ: Thông tư 16/2025/TT-BTC")
                .contains("Ngày 3 tháng 3 năm 2026")
                .doesNotContain("HOÀN TRẢ")
                .doesNotContain("Người thu");
    }

    @Test
    void theQrCodeAtTheTopLeftNamesTheDossierTheReceiptAndTheTimeOfIssue() {
        byte[] pdf = RECEIPTS.render(online(PaymentStatus.PAID, null, null), DOSSIER, "UBND xã Thử Nghiệm", null);

        QrContent expected = new QrContent(
                DOSSIER.code(),
                null,
                "001099012345",
                "Biên lai thu phí, lệ phí",
                "Hệ thống một cửa thử nghiệm",
                LocalDateTime.of(2026, 3, 3, 9, 15, 34), // confirmed 4 s after the payment
                null,
                null);
        assertThat(QrCodes.read(pdf).flatMap(QrContent::parse)).contains(expected);
        QrReaders.Found found = QrReaders.zbarimg(pdf);
        assertThat(found.topLeft())
                .as("the code is in the page's top left corner")
                .isTrue();
        assertThat(QrContent.parse(found.text())).contains(expected);
    }

    @Test
    void theReceiptIsPdfA2bWithEveryFontEmbedded() {
        PdfTools.PdfA claim = PdfTools.pdfA(
                RECEIPTS.render(online(PaymentStatus.PAID, null, null), DOSSIER, "UBND xã Thử Nghiệm", null));

        assertThat(claim.part()).isEqualTo(2);
        assertThat(claim.conformance()).isEqualTo("B");
        assertThat(claim.outputIntents()).isEqualTo(1);
        assertThat(claim.fonts())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.embedded())
                        .as("font %s embedded", f.name())
                        .isTrue());
    }

    @Test
    void aRefundedPaymentsReceiptSaysRefundedWhenAndWhy() {
        Payment refunded = online(PaymentStatus.REFUNDED, PAID.plusSeconds(2 * 86_400 + 3600), "Hồ sơ dừng xử lý");

        String text =
                PdfTools.text(RECEIPTS.render(refunded, DOSSIER, null, null)).replaceAll("\\s+", " ");

        assertThat(text)
                .as("without the agency's name, its code")
                .contains("000.00.99.H99")
                .contains("Tổng cộng: 1.234.000 đ")
                .contains("ĐÃ HOÀN TRẢ từ 10:15 ngày 05/03/2026. Lý do: Hồ sơ dừng xử lý");
    }

    @Test
    void aDeskPaymentNamesTheClerkAndCitizenTextStaysText() {
        Payment desk = new Payment(
                2,
                "TT8ABCDE",
                DOSSIER.id(),
                DOSSIER.code(),
                "000.00.99.H99",
                50_000,
                "VND",
                List.of(new FeeQuote.Item("Lệ phí đăng ký hộ kinh doanh", 50_000)),
                null,
                PaymentStatus.PAID,
                PAID.minusSeconds(3600),
                PAID.plusSeconds(86_400),
                PaymentMethod.DESK_CASH,
                null,
                null,
                "tiepnhan01",
                PAID,
                PAID,
                2026,
                7,
                null,
                null);
        Dossier hostile = new Dossier(
                DOSSIER.id(),
                DOSSIER.code(),
                DOSSIER.procedureKey(),
                1,
                "pi-1",
                new Applicant("<b>Lê</b> & \"Văn\" <img src='http://x/'/>", null, null, null, null, null),
                "000.00.99.H99",
                "000.00.99.H99",
                "000.00.99.H99",
                Channel.DESK,
                ServiceLevel.PARTIAL,
                PublicStatus.PROCESSING,
                "xu-ly",
                PAID,
                PAID,
                null,
                null,
                null);

        String text = PdfTools.text(RECEIPTS.render(desk, hostile, "UBND xã Thử Nghiệm", null))
                .replaceAll("\\s+", " ");

        assertThat(text)
                .contains("Người nộp: <b>Lê</b> & \"Văn\" <img src='http://x/'/>")
                .doesNotContain("Địa chỉ:")
                .doesNotContain("Căn cứ:")
                .contains("Tổng cộng: 50.000 đ")
                .contains("Bằng chữ: Năm mươi nghìn đồng.")
                .contains("Hình thức nộp: Tiền mặt tại Bộ phận Một cửa")
                .contains("Người thu: tiepnhan01");
    }
}
