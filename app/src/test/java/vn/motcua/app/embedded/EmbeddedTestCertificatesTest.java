package vn.motcua.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;
import vn.motcua.signature.TestCertificateAuthority;

/** The embedded test CA exists only for the keystore provider without a keystore folder. */
class EmbeddedTestCertificatesTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner contexts() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Wiring.class)
                .withPropertyValues("motcua.data-dir=" + dataDir);
    }

    @Test
    void theTestCaSignsByDefaultAndNotWhenKeysAreElsewhere() {
        contexts().run(context -> assertThat(context).hasSingleBean(TestCertificateAuthority.class));
        contexts()
                .withPropertyValues("motcua.signatures.provider=KEYSTORE")
                .run(context -> assertThat(context).hasSingleBean(TestCertificateAuthority.class));
        contexts()
                .withPropertyValues("motcua.signatures.provider=csc")
                .run(context -> assertThat(context).doesNotHaveBean(TestCertificateAuthority.class));
        contexts()
                .withPropertyValues("motcua.signatures.keystore-directory=/srv/motcua/keys")
                .run(context -> assertThat(context).doesNotHaveBean(TestCertificateAuthority.class));
        contexts()
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db/motcua")
                .run(context -> assertThat(context).doesNotHaveBean(TestCertificateAuthority.class));
    }

    @EnableConfigurationProperties(DataDirectoryProperties.class)
    @Import(EmbeddedTestCertificates.class)
    static class Wiring {}
}
