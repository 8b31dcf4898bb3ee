package vn.motcua.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What every official document says of the system that issued it ({@code motcua.official-documents.*}). The fonts
 * are {@code motcua.documents.font} and {@code font-bold}.
 *
 * @param publicUrl     the address citizens reach the platform at; the QR code opens {@code <publicUrl>/tra-cuu/}
 *                      with the dossier code, so set it to the real public address in production
 * @param issuingSystem the name of the information system that issues the documents, printed in the QR code
 *                      ("tên hệ thống thông tin cung cấp dữ liệu", Thông tư 01/2023/TT-VPCP)
 */
@ConfigurationProperties("motcua.official-documents")
@Validated
public record OfficialDocumentProperties(
        @NotBlank
        @Pattern(regexp = "https?://[^/?#\\s]+(/[^?#\\s]*)?", message = "must be an http(s) address")
        @DefaultValue("http://localhost:8080")
        String publicUrl,

        @NotBlank @DefaultValue("Hệ thống thông tin giải quyết thủ tục hành chính - Một cửa điện tử")
        String issuingSystem) {

    /** The public address without a trailing slash. */
    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
