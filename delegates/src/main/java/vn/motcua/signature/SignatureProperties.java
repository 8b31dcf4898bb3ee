package vn.motcua.signature;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where agencies' signing keys are ({@code motcua.signatures.*}). None is set by default: the embedded defaults
 * then generate a local test CA and test certificates under the data folder; a production start without them
 * signs nothing (the signing step raises an incident naming the missing setting).
 *
 * @param keystoreDirectory   a folder holding one PKCS#12 file per agency, named {@code <agency code>.p12}
 * @param keystorePassword    the keystores' password; give it in the environment
 *                            ({@code MOTCUA_SIGNATURES_KEYSTORE_PASSWORD}), never in a committed file
 * @param trustedCertificates a PEM file of the CA certificates whose signatures the verifier calls trusted
 * @param provider            who holds the keys: {@code keystore} (the keystores above, or the embedded test CA) or
 *                            {@code csc} (a remote-signing service speaking the Cloud Signature Consortium API v2,
 *                            configured by {@link CscProperties})
 */
@ConfigurationProperties("motcua.signatures")
@Validated
public record SignatureProperties(
        Path keystoreDirectory,
        String keystorePassword,
        Path trustedCertificates,
        @DefaultValue("keystore") Provider provider) {

    @ConstructorBinding
    public SignatureProperties {
        provider = provider == null ? Provider.KEYSTORE : provider;
    }

    /** The keystore provider. */
    public SignatureProperties(Path keystoreDirectory, String keystorePassword, Path trustedCertificates) {
        this(keystoreDirectory, keystorePassword, trustedCertificates, Provider.KEYSTORE);
    }

    /** The implementations of {@link SigningProvider} an installation chooses from. */
    public enum Provider {
        /** {@link KeystoreSigningProvider}: a PKCS#12 keystore per agency and per signing person. */
        KEYSTORE,
        /** {@link CscSigningProvider}: a remote-signing service (CSC API v2) holds the keys. */
        CSC
    }

    @Override
    public String toString() {
        return "SignatureProperties[keystoreDirectory=" + keystoreDirectory + ", keystorePassword="
                + (keystorePassword == null ? "null" : "***") + ", trustedCertificates=" + trustedCertificates
                + ", provider=" + provider + "]";
    }
}
