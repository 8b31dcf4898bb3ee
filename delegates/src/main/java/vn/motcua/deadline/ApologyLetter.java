package vn.motcua.deadline;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.document.OfficialDocuments;
import vn.motcua.document.QrContent;

/**
 * "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (Thông tư 01/2018/TT-VPCP, Mẫu 04): the template
 * {@code documents/phieu-xin-loi.xhtml} laid out by {@link OfficialDocuments}, with the QR code of Thông tư
 * 01/2023/TT-VPCP carrying the new appointment.
 */
@Component
public class ApologyLetter {

    public static final String DOCUMENT_CODE = "phieu-xin-loi";
    public static final String DOCUMENT_NAME = "Phiếu xin lỗi và hẹn lại ngày trả kết quả";

    private final OfficialDocuments documents;

    public ApologyLetter(OfficialDocuments documents) {
        this.documents = documents;
    }

    /** What the letter says. */
    public record Content(
            String agencyName,
            String applicantName,
            String applicantId,
            String dossierCode,
            String procedureCode,
            String procedureName,
            LocalDateTime receivedAt,
            LocalDateTime dueAt,
            LocalDateTime newAppointment,
            String reason,
            LocalDateTime issuedAt) {}

    public byte[] render(Content c) {
        Map<String, Object> data = new HashMap<>();
        data.put("coQuan", c.agencyName());
        data.put("nguoiNop", Map.of("hoTen", c.applicantName()));
        data.put("thuTuc", c.procedureName());
        data.put("nhanLuc", c.receivedAt());
        data.put("henTra", c.dueAt());
        data.put("lyDo", c.reason());
        return documents.render(
                DOCUMENT_CODE,
                data,
                new QrContent(
                        c.dossierCode(),
                        c.procedureCode(),
                        c.applicantId(),
                        DOCUMENT_NAME,
                        documents.issuingSystem(),
                        c.issuedAt(),
                        c.newAppointment(),
                        null));
    }
}
