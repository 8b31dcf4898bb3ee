package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class DocumentPropertiesTest {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void aFileMayHaveTenMegabytesUnlessSetOtherwise() {
        contexts.run(
                context -> assertThat(context.getBean(DocumentProperties.class).maxFileSize())
                        .isEqualTo(DataSize.ofMegabytes(10)));
        contexts.withPropertyValues("motcua.documents.max-file-size=25MB")
                .run(context -> assertThat(
                                context.getBean(DocumentProperties.class).maxFileSize())
                        .isEqualTo(DataSize.ofMegabytes(25)));
    }

    @Test
    void aLimitOfNothingOrNoFontStopsTheStart() {
        contexts.withPropertyValues("motcua.documents.max-file-size=0B")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("max-file-size must be more than 0 bytes"));
        contexts.withPropertyValues("motcua.documents.font= ")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("motcua.documents.font"));
    }

    @EnableConfigurationProperties(DocumentProperties.class)
    static class Settings {}
}
