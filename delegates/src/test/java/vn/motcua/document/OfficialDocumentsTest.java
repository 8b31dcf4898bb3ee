package vn.motcua.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.testing.PdfTools;
import vn.motcua.testing.QrReaders;

/** The document core: a template filled, laid out as PDF/A-2b with DejaVu, the QR code read back by zbarimg. */
class OfficialDocumentsTest {

    static final DocumentProperties FONTS = new DocumentProperties(
            DataSize.ofMegabytes(10),
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    static final OfficialDocuments DOCUMENTS = new OfficialDocuments(
            FONTS, new OfficialDocumentProperties("https://dichvucong.example.gov.vn/", "Hệ thống một cửa thử nghiệm"));

    static final QrContent QR = new QrContent(
            "000.00.99.H99-261201-0007",
            "2.000815",
            "001099012345",
            "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
            "Hệ thống một cửa thử nghiệm",
            LocalDateTime.of(2026, 12, 1, 9, 30, 12),
            LocalDateTime.of(2026, 12, 2, 9, 30),
            null);

    static Map<String, Object> receipt() {
        return Map.of(
                "coQuan", "UBND xã Thử Nghiệm",
                "nguoiNop",
                        Map.of(
                                "hoTen", "Nguyễn Thị Ánh Tuyết",
                                "dinhDanh", "001099012345",
                                "diaChi", "Số 7, đường Lý Thường Kiệt",
                                "dienThoai", "0912345678",
                                "email", "tuyet@example.vn"),
                "thuTuc", "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
                "giayTo", List.of(Map.of("ten", "Bản chính giấy tờ cần chứng thực", "tep", "ban-chinh.pdf")),
                "kenhNop", "trực tiếp",
                "thoiHan", "1 ngày làm việc",
                "nhanLuc", LocalDateTime.of(2026, 12, 1, 9, 30),
                "noiTra", "Bộ phận một cửa UBND xã Thử Nghiệm",
                "nguoiNhan", "Trần Văn Bình");
    }

    @Test
    void aReceiptIsLaidOutInVietnameseWithItsQrCodeAtTheTopLeft() {
        byte[] pdf = DOCUMENTS.render("giay-tiep-nhan", receipt(), QR);

        String text = PdfTools.text(pdf);
        assertThat(text)
                .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Nguyễn Thị Ánh Tuyết")
                .contains("Mã hồ sơ: 000.00.99.H99-261201-0007")
                .contains("09 giờ 30 phút, ngày 02/12/2026");

        QrReaders.Found found = QrReaders.zbarimg(pdf);
        assertThat(found.topLeft())
                .as("the code is in the page's top left corner")
                .isTrue();
        assertThat(found.text()).startsWith("https://dichvucong.example.gov.vn/tra-cuu/?ma=000.00.99.H99-261201-0007&");
        QrContent read = QrContent.parse(found.text()).orElseThrow();
        assertThat(read).isEqualTo(QR);
    }

    @Test
    void theApplicationsOwnReaderReadsTheCodeWithTheDefaultLongSystemName() {
        OfficialDocuments defaults = new OfficialDocuments(
                FONTS,
                new OfficialDocumentProperties(
                        "http://localhost:8080", "Hệ thống thông tin giải quyết thủ tục hành chính - Một cửa điện tử"));
        QrContent qr = new QrContent(
                QR.dossierCode(),
                QR.procedureCode(),
                QR.applicantId(),
                QR.documentName(),
                defaults.issuingSystem(),
                QR.issuedAt(),
                QR.appointment(),
                null);

        byte[] pdf = defaults.render("giay-tiep-nhan", receipt(), qr);

        assertThat(QrCodes.read(pdf).flatMap(QrContent::parse)).contains(qr);
        assertThat(QrContent.parse(QrReaders.zbarimg(pdf).text())).contains(qr);
    }

    @Test
    void theDocumentClaimsPdfA2bWithEveryFontEmbedded() {
        byte[] pdf = DOCUMENTS.render("giay-tiep-nhan", receipt(), QR);

        PdfTools.PdfA claim = PdfTools.pdfA(pdf);
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
    void citizenTextStaysText() {
        Map<String, Object> data = new java.util.HashMap<>(receipt());
        data.put("nguoiNop", Map.of("hoTen", "<b>Lê</b> & \"Văn\" <img src='http://x/'/>"));

        String xhtml = DOCUMENTS.fill("giay-tiep-nhan", data, QR);

        assertThat(xhtml).contains("&lt;b&gt;Lê&lt;/b&gt; &amp;").doesNotContain("<img src='http://x/'");
        assertThat(PdfTools.text(DOCUMENTS.render("giay-tiep-nhan", data, QR)))
                .contains("<b>Lê</b> & \"Văn\" <img src='http://x/'/>");
    }

    @Test
    void aMissingTemplateIsNamed() {
        assertThatThrownBy(() -> DOCUMENTS.render("khong-co", Map.of(), QR))
                .isInstanceOf(DocumentTemplateException.class)
                .hasMessageContaining("documents/khong-co.xhtml");
    }

    @Test
    void qrContentRoundTripsThroughItsAddressAndRefusesOtherText() {
        String url = QR.toUrl("http://localhost:8080");
        assertThat(url).doesNotContain(" ").contains("giayto=Gi%E1%BA%A5y+ti%E1%BA%BFp+nh%E1%BA%ADn");
        assertThat(QrContent.parse(url)).contains(QR);
        assertThat(QrContent.parse("https://example.vn/khac/?ma=1")).isEmpty();
        assertThat(QrContent.parse("not a url at all")).isEmpty();
        assertThat(QrContent.parse("http://localhost:8080/tra-cuu/?ma=X")).isEmpty();
    }
}
