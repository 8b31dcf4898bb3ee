package vn.motcua.dossier;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What one dossier may hold in all ({@code motcua.uploads.*}): its submission, supplements and result files
 * together. Each file's own limit is {@code motcua.documents.max-file-size}; a file that would go past either
 * total is answered 413 naming it.
 *
 * @param maxFilesPerDossier files a dossier may hold
 * @param maxDossierSize     bytes a dossier's files may have together
 */
@ConfigurationProperties("motcua.uploads")
@Validated
public record UploadProperties(
        @Min(1) @DefaultValue("20") int maxFilesPerDossier,
        @NotNull @DefaultValue("30MB") DataSize maxDossierSize) {}
