package vn.motcua.document;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the QR code of an official document carries: the minimum data of Thông tư 01/2023/TT-VPCP (the dossier
 * code, the national procedure code, the applicant's identity number, the document's name, the issuing system,
 * the time of issue), plus the appointment on a receipt and the validity of a result when there is one.
 *
 * <p>It is written as the address of the dossier's public view, {@code <public url>/tra-cuu/?ma=<dossier code>&…},
 * each datum a query parameter ({@link #PARAMETERS}, form-encoded UTF-8), so a phone's camera opens the tracking page and any QR
 * reader still shows every datum. Times are Vietnam's local time, {@code yyyy-MM-dd'T'HH:mm:ss}.
 *
 * @param dossierCode   mã số hồ sơ (required)
 * @param procedureCode mã thủ tục hành chính, as on the national database (may be null when a procedure has none)
 * @param applicantId   mã định danh of the person or organisation (identity number or tax code; may be null)
 * @param documentName  tên giấy tờ được xuất bản (required)
 * @param issuingSystem tên hệ thống thông tin cung cấp dữ liệu (required)
 * @param issuedAt      thời điểm xuất bản (required)
 * @param appointment   ngày hẹn trả kết quả, on the receipt and appointment slip (else null)
 * @param validity      thời hạn, phạm vi có hiệu lực of a result (else null)
 */
public record QrContent(
        String dossierCode,
        String procedureCode,
        String applicantId,
        String documentName,
        String issuingSystem,
        LocalDateTime issuedAt,
        LocalDateTime appointment,
        String validity) {

    /** Each query parameter and the datum of the circular it carries. */
    public static final Map<String, String> PARAMETERS = Map.of(
            "ma", "mã số hồ sơ",
            "tthc", "mã thủ tục hành chính",
            "dinhdanh", "mã định danh của tổ chức, cá nhân",
            "giayto", "tên giấy tờ được xuất bản",
            "hethong", "tên hệ thống thông tin cung cấp dữ liệu",
            "xuatban", "thời điểm xuất bản",
            "hentra", "ngày hẹn trả kết quả",
            "hieuluc", "thời hạn, phạm vi có hiệu lực");

    /** The path of the public tracking page, relative to the public address. */
    public static final String TRACKING_PATH = "/tra-cuu/";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public QrContent {
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(documentName, "documentName");
        Objects.requireNonNull(issuingSystem, "issuingSystem");
        Objects.requireNonNull(issuedAt, "issuedAt");
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        appointment = appointment == null ? null : appointment.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The text encoded in the QR code: the tracking page's address for this dossier with every datum. */
    public String toUrl(String publicBase) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ma", dossierCode);
        values.put("tthc", procedureCode);
        values.put("dinhdanh", applicantId);
        values.put("giayto", documentName);
        values.put("hethong", issuingSystem);
        values.put("xuatban", issuedAt.format(TIME));
        values.put("hentra", appointment == null ? null : appointment.format(TIME));
        values.put("hieuluc", validity);
        StringBuilder url = new StringBuilder(stripSlash(publicBase)).append(TRACKING_PATH);
        char separator = '?';
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                url.append(separator).append(e.getKey()).append('=').append(encode(e.getValue()));
                separator = '&';
            }
        }
        return url.toString();
    }

    /**
     * Reads back what {@link #toUrl} wrote, from any host (a document printed by another installation names its
     * own). Empty when the text is not a tracking address with a dossier code, issuing system, name and time.
     */
    public static Optional<QrContent> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getPath() == null || !uri.getPath().endsWith(TRACKING_PATH) || uri.getRawQuery() == null) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(
                        pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(new QrContent(
                    values.get("ma"),
                    values.get("tthc"),
                    values.get("dinhdanh"),
                    values.get("giayto"),
                    values.get("hethong"),
                    LocalDateTime.parse(values.get("xuatban"), TIME),
                    values.containsKey("hentra") ? LocalDateTime.parse(values.get("hentra"), TIME) : null,
                    values.get("hieuluc")));
        } catch (NullPointerException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        // form encoding (a space is "+"), with ':' left as it is (allowed in a query): a shorter text, a smaller code
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%3A", ":");
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
