package vn.motcua.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The CA certificates the verifier trusts: those of {@code motcua.signatures.trusted-certificates} and, with the
 * embedded defaults, the local test CA. Read at each call so an operator's new file needs no restart.
 */
@Component
public class TrustAnchors {

    private final SignatureProperties properties;
    private final ObjectProvider<TestCertificateAuthority> testAuthority;

    public TrustAnchors(SignatureProperties properties, ObjectProvider<TestCertificateAuthority> testAuthority) {
        this.properties = properties;
        this.testAuthority = testAuthority;
    }

    public List<X509Certificate> certificates() {
        List<X509Certificate> anchors = new ArrayList<>();
        if (properties.trustedCertificates() != null) {
            try (InputStream in = Files.newInputStream(properties.trustedCertificates())) {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                factory.generateCertificates(in).forEach(c -> anchors.add((X509Certificate) c));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot read motcua.signatures.trusted-certificates " + properties.trustedCertificates(), e);
            } catch (CertificateException e) {
                throw new IllegalStateException(
                        "motcua.signatures.trusted-certificates " + properties.trustedCertificates()
                                + " is not a PEM file of certificates",
                        e);
            }
        }
        TestCertificateAuthority authority = testAuthority.getIfAvailable();
        if (authority != null) {
            anchors.add(authority.caCertificate());
        }
        return anchors;
    }
}
