package vn.motcua.signature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.agency.AgencyRepository;

/**
 * The one {@link SigningProvider} of the installation, as {@code motcua.signatures.provider} chooses: the keystores
 * (the default, with the embedded test CA when nothing else is set) or a CSC API v2 remote-signing service. A CSC
 * choice with incomplete settings stops the start, naming what to set.
 */
@Configuration(proxyBeanMethods = false)
class SigningProviders {

    private static final Logger log = LoggerFactory.getLogger(SigningProviders.class);

    @Bean
    SigningProvider signingProvider(
            SignatureProperties signatures,
            CscProperties csc,
            ObjectProvider<TestCertificateAuthority> testAuthority,
            AgencyRepository agencies) {
        return switch (signatures.provider()) {
            case KEYSTORE -> new KeystoreSigningProvider(signatures, testAuthority, agencies);
            case CSC -> {
                CscSigningProvider provider = new CscSigningProvider(csc);
                log.info(
                        "Results are signed through the CSC remote-signing service at {} ({} agency and {} personal "
                                + "credentials configured)",
                        csc.baseUrl(),
                        csc.agencies().size(),
                        csc.users().size());
                yield provider;
            }
        };
    }
}
