package vn.motcua.slip;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one-stop slips (Thông tư 01/2018/TT-VPCP, Mẫu 01–06). Each one's document code is also its template's name
 * ({@code documents/<code>.xhtml}) and the code it is stored under with the dossier.
 */
public enum Slip {
    RECEIPT("giay-tiep-nhan", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Receipt and appointment slip", "01", true),
    SUPPLEMENT_REQUEST(
            "phieu-yeu-cau-bo-sung",
            "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
            "Request to supplement the dossier",
            "02",
            true),
    REFUSAL("phieu-tu-choi", "Phiếu từ chối tiếp nhận giải quyết hồ sơ", "Refusal to accept the dossier", "03", true),
    APOLOGY("phieu-xin-loi", "Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Apology and new appointment", "04", true),
    PROCESS_CONTROL(
            "phieu-kiem-soat", "Phiếu kiểm soát quá trình giải quyết hồ sơ", "Process control slip", "05", false),
    REGISTER("so-theo-doi", "Sổ theo dõi hồ sơ", "Dossier tracking register", "06", false);

    private final String code;
    private final String nameVi;
    private final String nameEn;
    private final String form;
    private final boolean forCitizen;

    Slip(String code, String nameVi, String nameEn, String form, boolean forCitizen) {
        this.code = code;
        this.nameVi = nameVi;
        this.nameEn = nameEn;
        this.form = form;
        this.forCitizen = forCitizen;
    }

    /** The document code and template name. */
    public String code() {
        return code;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The form's number in Thông tư 01/2018/TT-VPCP ("Mẫu 01"…). */
    public String form() {
        return form;
    }

    /** Whether it is handed to the citizen (kept with the dossier) or is the agency's own record. */
    public boolean forCitizen() {
        return forCitizen;
    }

    public static Optional<Slip> ofCode(String documentCode) {
        return Arrays.stream(values()).filter(s -> s.code.equals(documentCode)).findFirst();
    }
}
