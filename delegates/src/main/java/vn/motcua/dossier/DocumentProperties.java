package vn.motcua.dossier;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * A dossier's documents: the files it accepts and the PDFs the platform writes for it ({@code motcua.documents.*}).
 *
 * @param maxFileSize the largest file a submission, supplement or result may carry; a larger one is answered 413
 *                    naming the file (the HTTP layer sets no per-file limit of its own)
 * @param font        a TrueType font with Vietnamese glyphs for generated PDFs (Debian: fonts-dejavu-core)
 * @param fontBold    its bold face
 */
@ConfigurationProperties("motcua.documents")
@Validated
public record DocumentProperties(
        @NotNull @DefaultValue("10MB") DataSize maxFileSize,

        @NotBlank @DefaultValue("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        String font,

        @NotBlank @DefaultValue("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
        String fontBold) {

    @AssertTrue(message = "max-file-size must be more than 0 bytes")
    public boolean isMaxFileSizePositive() {
        return maxFileSize == null || maxFileSize.toBytes() > 0;
    }
}
