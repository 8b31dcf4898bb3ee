package vn.motcua.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import vn.motcua.agency.AgencyRepository;

/** {@code motcua.signatures.provider} chooses the one {@link SigningProvider}; the keystores stay the default. */
class SigningProvidersTest {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(Wiring.class);

    @Test
    void theKeystoresSignUnlessTheCscServiceIsChosen() {
        contexts.run(context -> {
            assertThat(context.getBean(SigningProvider.class)).isInstanceOf(KeystoreSigningProvider.class);
            assertThat(context.getBean(SignatureProperties.class).provider())
                    .isEqualTo(SignatureProperties.Provider.KEYSTORE);
        });
        contexts.withPropertyValues(
                        "motcua.signatures.provider=csc",
                        "motcua.signatures.csc.base-url=https://ky-so.example.vn",
                        "motcua.signatures.csc.client-id=motcua",
                        "motcua.signatures.csc.client-secret=s3cret",
                        "motcua.signatures.csc.timeout=5s",
                        "motcua.signatures.csc.agencies[000.00.99.H99]=6f2c-agency",
                        "motcua.signatures.csc.users.lanhdao01=91ab-leader")
                .run(context -> {
                    assertThat(context.getBean(SigningProvider.class)).isInstanceOf(CscSigningProvider.class);
                    CscProperties csc = context.getBean(CscProperties.class);
                    assertThat(csc.agencies()).containsEntry("000.00.99.H99", "6f2c-agency");
                    assertThat(csc.users()).containsEntry("lanhdao01", "91ab-leader");
                    assertThat(csc.timeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(csc.certificateCache()).isEqualTo(Duration.ofMinutes(10));
                });
    }

    @Test
    void theCscServiceWithoutItsAddressOrSecretStopsTheStart() {
        contexts.withPropertyValues("motcua.signatures.provider=csc")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("motcua.signatures.csc.base-url"));
        contexts.withPropertyValues(
                        "motcua.signatures.provider=csc", "motcua.signatures.csc.base-url=https://ky-so.example.vn")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("MOTCUA_SIGNATURES_CSC_CLIENT_SECRET"));
        contexts.withPropertyValues("motcua.signatures.provider=hsm")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("motcua.signatures.provider"));
    }

    @EnableConfigurationProperties({SignatureProperties.class, CscProperties.class})
    @Import(SigningProviders.class)
    static class Wiring {

        @Bean
        AgencyRepository agencies() {
            return PdfSignatureTest.agencies();
        }
    }
}
