package vn.motcua.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.dossier.UploadProperties;

class ApiLimitsDocumentationTest {

    @Test
    void theOpenApiDocumentStatesTheLimitsInForce() {
        OpenAPI api = new OpenAPI().info(new Info().description("Một cửa điện tử."));
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.servlet.multipart.max-request-size", "50MB");

        new ApiLimitsDocumentation()
                .inputLimits(
                        new DocumentProperties(DataSize.ofMegabytes(10), "font.ttf", "font-bold.ttf"),
                        new UploadProperties(20, DataSize.ofMegabytes(30)),
                        environment)
                .customise(api);

        assertThat(api.getInfo().getDescription())
                .startsWith("Một cửa điện tử.")
                .contains("at most 4000 characters")
                .contains("at most 10485760 bytes")
                .contains("at most 20 files and 31457280 bytes")
                .contains("at most 50MB and 50 multipart parts")
                .contains("429");
    }
}
