package vn.motcua.signature;

import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Holds the agencies' signing keys and signs with them. The platform never sees a private key through this
 * interface, so a remote-signing service (the signer's key in the provider's HSM, the hash sent over HTTP) fits it
 * as well as the local keystores of {@link KeystoreSigningProvider}.
 */
public interface SigningProvider {

    /** The agency's certificate first, then its issuers. */
    List<X509Certificate> certificateChain(String agencyCode);

    /**
     * A detached CMS signature (CAdES, as PAdES baseline B requires: signing-certificate-v2, no signing-time
     * attribute) over the bytes the PDF signature covers.
     *
     * @throws SigningException when the agency has no usable key or the provider fails
     */
    byte[] sign(String agencyCode, InputStream signedContent);

    /**
     * A person's certificate chain: the leader who approved signs personally beside the agency. The person's
     * certificate names the agency (its organisation) they sign for.
     *
     * @param userId     the person's user id (the approving leader's)
     * @param name       the person's name, for a certificate the provider issues itself (the test CA)
     * @param agencyCode the agency the person signs for
     */
    List<X509Certificate> personalCertificateChain(String userId, String name, String agencyCode);

    /** As {@link #sign}, with the person's key. */
    byte[] signAsPerson(String userId, String name, String agencyCode, InputStream signedContent);
}
