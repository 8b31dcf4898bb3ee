package vn.motcua.app.web;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.dossier.UploadInspection;
import vn.motcua.dossier.UploadProperties;

/**
 * States the input limits in the OpenAPI document ({@code /v3/api-docs}), from the settings in force, so a client
 * reads the same numbers the server applies (docs/security.md, "Input limits").
 */
@Configuration(proxyBeanMethods = false)
class ApiLimitsDocumentation {

    @Bean
    OpenApiCustomizer inputLimits(DocumentProperties documents, UploadProperties uploads, Environment environment) {
        String maxRequest = Binder.get(environment)
                .bind("spring.servlet.multipart.max-request-size", String.class)
                .orElse("1MB");
        String maxParts = Binder.get(environment)
                .bind("server.tomcat.max-part-count", String.class)
                .orElse("50");
        String limits = "\n\n## Limits (giới hạn)\n\n"
                + "- Any JSON text: at most " + JsonInputLimits.MAX_TEXT
                + " characters, no control characters but tab and line breaks; days as `yyyy-MM-dd` text.\n"
                + "- Each file: at most " + documents.maxFileSize().toBytes() + " bytes; PDF (opens, one page or more,"
                + " no JavaScript, launch or submit actions, attachments or XFA), JPEG or PNG (decodes, at most "
                + "20,000 px a side); nothing after the file's end; file names cut to " + UploadInspection.MAX_FILE_NAME
                + " characters, folders and control or bidi characters removed.\n"
                + "- Each dossier in all (submission, supplements, results): at most " + uploads.maxFilesPerDossier()
                + " files and " + uploads.maxDossierSize().toBytes() + " bytes (413 `dossier-files-limit`).\n"
                + "- Each request: at most " + maxRequest + " and " + maxParts + " multipart parts (413).\n"
                + "- Rate limits per client (429 `too-many-requests` with `Retry-After`): submissions, lookups, "
                + "failed sign-ins, fee quotes, signature checks, other public writes (docs/security.md).\n"
                + "- Every refusal is `application/problem+json` naming the field (`errors[].field`, `parameter` or"
                + " `fileName`).";
        return openApi -> {
            Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
            info.setDescription((info.getDescription() == null ? "" : info.getDescription()) + limits);
            openApi.setInfo(info);
        };
    }
}
