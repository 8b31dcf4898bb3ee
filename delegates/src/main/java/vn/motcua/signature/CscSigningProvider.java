package vn.motcua.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * Signs through a remote-signing service speaking the Cloud Signature Consortium API v2
 * ({@code motcua.signatures.provider=csc}, settings in {@link CscProperties}): the keys stay in the service's HSM.
 * Each agency's organisation key and each signing person's personal key is a credential of the service, named by
 * its {@code credentialID} in the settings. The CAdES signed attributes are built here exactly as for the keystores
 * ({@link CadesSignedData}); only their SHA-256 hash (32 bytes) is sent, with {@code credentials/authorize} then
 * {@code signatures/signHash}; the raw signature that comes back is checked against the credential's certificate
 * before it goes into the CMS. The chain and the key's status ({@code credentials/info}) are kept for
 * {@code certificate-cache}, and read again after any failure. Every failure is a {@link SigningException} naming the
 * agency or person, the credential and the cause, so the signing step is retried and then raises an incident.
 */
public class CscSigningProvider implements SigningProvider {

    /** sha256WithRSAEncryption: the service hashes nothing, it signs the DigestInfo of the hash sent. */
    static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    /** rsaEncryption, with {@code hashAlgorithmOID} SHA-256: the same signature for services that list only it. */
    static final String RSA = "1.2.840.113549.1.1.1";

    private static final AlgorithmIdentifier SIGNATURE_ALGORITHM =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);

    private final CscProperties properties;
    private final CscClient client;
    private final Clock clock;
    private final Map<String, Credential> credentials = new ConcurrentHashMap<>();

    public CscSigningProvider(CscProperties properties) {
        this(properties, Clock.systemUTC());
    }

    CscSigningProvider(CscProperties properties, Clock clock) {
        String missing = properties.missing();
        if (missing != null) {
            throw new IllegalStateException("motcua.signatures.provider=csc needs " + missing);
        }
        this.properties = properties;
        this.clock = clock;
        this.client = new CscClient(properties, clock);
    }

    @Override
    public List<X509Certificate> certificateChain(String agencyCode) {
        String whose = "agency " + agencyCode;
        return credential(credentialId(properties.agencies(), agencyCode, whose, "agencies"), whose)
                .chain();
    }

    @Override
    public byte[] sign(String agencyCode, InputStream signedContent) {
        String whose = "agency " + agencyCode;
        return sign(credentialId(properties.agencies(), agencyCode, whose, "agencies"), whose, signedContent);
    }

    @Override
    public List<X509Certificate> personalCertificateChain(String userId, String name, String agencyCode) {
        String whose = "user " + userId;
        return credential(credentialId(properties.users(), userId, whose, "users"), whose)
                .chain();
    }

    @Override
    public byte[] signAsPerson(String userId, String name, String agencyCode, InputStream signedContent) {
        String whose = "user " + userId;
        return sign(credentialId(properties.users(), userId, whose, "users"), whose, signedContent);
    }

    private byte[] sign(String credentialId, String whose, InputStream signedContent) {
        Credential credential = credential(credentialId, whose);
        try {
            return CadesSignedData.build(credential.chain(), new RemoteSigner(credential, whose), signedContent, whose);
        } catch (SigningException e) {
            // Read again at the retry: a renewed certificate, a key enabled again.
            credentials.remove(credentialId);
            throw e;
        }
    }

    private static String credentialId(Map<String, String> ids, String key, String whose, String setting) {
        String id = key == null ? null : ids.get(key);
        if (id == null && key != null) {
            // Environment variables arrive lower-cased: agency codes like 000.00.99.H99 still match.
            id = ids.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(key))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        if (id == null || id.isBlank()) {
            throw new SigningException(capitalise(whose) + " has no credential at the CSC service: set "
                    + "motcua.signatures.csc." + setting + "[" + key + "] to its credentialID");
        }
        return id;
    }

    /** The credential as {@code credentials/info} describes it, kept for {@code certificate-cache}; usable now. */
    private Credential credential(String credentialId, String whose) {
        Instant now = clock.instant();
        Credential credential = credentials.get(credentialId);
        if (credential == null || !now.isBefore(credential.readAt().plus(properties.certificateCache()))) {
            try {
                credential = read(credentialId, client.credentialInfo(credentialId), now);
            } catch (SigningException e) {
                credentials.remove(credentialId);
                throw new SigningException(
                        failure(whose, credentialId) + e.getMessage(), e.getCause() == null ? e : e.getCause());
            }
            credentials.put(credentialId, credential);
        }
        try {
            credential.certificate().checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            credentials.remove(credentialId);
            throw new SigningException(failure(whose, credentialId) + "the certificate "
                    + credential.certificate().getSubjectX500Principal().getName() + " is not valid now (valid from "
                    + credential.certificate().getNotBefore().toInstant() + " to "
                    + credential.certificate().getNotAfter().toInstant() + ")");
        }
        return credential;
    }

    private static Credential read(String credentialId, JsonNode info, Instant now) {
        String keyStatus = info.path("key").path("status").asText("");
        if (!keyStatus.isEmpty() && !keyStatus.equals("enabled")) {
            throw new SigningException("the key is " + keyStatus + " at the service");
        }
        String certificateStatus = info.path("cert").path("status").asText("");
        if (!certificateStatus.isEmpty() && !certificateStatus.equals("valid")) {
            throw new SigningException("the service reports the certificate " + certificateStatus);
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode encoded : info.path("cert").path("certificates")) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(encoded.asText()))));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SigningException("credentials/info answered a certificate that cannot be read", e);
        }
        if (chain.isEmpty()) {
            throw new SigningException("credentials/info answered no certificate");
        }
        if (!(chain.get(0).getPublicKey() instanceof RSAPublicKey)) {
            throw new SigningException("the key is "
                    + chain.get(0).getPublicKey().getAlgorithm() + "; the platform's signatures are SHA-256 with RSA");
        }
        // CSC 2.0 answers auth/mode; services still in the 1.0 shape answer authMode.
        String mode =
                info.path("auth").path("mode").asText(info.path("authMode").asText("implicit"));
        if (!mode.equals("implicit")) {
            throw new SigningException("the credential asks for '" + mode + "' authorization (a PIN or OTP the "
                    + "signer types, or the signer's own sign-in), which an unattended signing step cannot give: "
                    + "ask the provider for implicit authorization of this credential, or an adapter for its "
                    + "confirmation flow");
        }
        return new Credential(
                credentialId, List.copyOf(chain), signAlgo(info.path("key").path("algo")), now);
    }

    /** sha256WithRSAEncryption when the key offers it (or says nothing), else rsaEncryption with SHA-256. */
    private static String signAlgo(JsonNode algorithms) {
        List<String> offered = new ArrayList<>();
        algorithms.forEach(a -> offered.add(a.asText()));
        if (offered.isEmpty() || offered.contains(SHA256_WITH_RSA)) {
            return SHA256_WITH_RSA;
        }
        if (offered.contains(RSA)) {
            return RSA;
        }
        throw new SigningException("the key offers the signature algorithms " + offered + ", not SHA-256 with RSA ("
                + SHA256_WITH_RSA + " or " + RSA + ")");
    }

    private static String failure(String whose, String credentialId) {
        return "Cannot sign for " + whose + " (CSC credential " + credentialId + "): ";
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private record Credential(String id, List<X509Certificate> chain, String signAlgo, Instant readAt) {
        X509Certificate certificate() {
            return chain.get(0);
        }
    }

    /**
     * Bouncy Castle's signer of the signed attributes: their SHA-256 hash goes to the service, the raw signature
     * comes back and is checked against the credential's certificate.
     */
    private final class RemoteSigner implements ContentSigner {

        private final ByteArrayOutputStream signedAttributes = new ByteArrayOutputStream();
        private final Credential credential;
        private final String whose;

        RemoteSigner(Credential credential, String whose) {
            this.credential = credential;
            this.whose = whose;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return SIGNATURE_ALGORITHM;
        }

        @Override
        public OutputStream getOutputStream() {
            return signedAttributes;
        }

        @Override
        public byte[] getSignature() {
            byte[] toBeSigned = signedAttributes.toByteArray();
            byte[] signature;
            try {
                String hash = Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(toBeSigned));
                String sad = client.authorize(credential.id(), hash);
                signature = client.signHash(credential.id(), sad, hash, credential.signAlgo());
            } catch (SigningException e) {
                throw new SigningException(
                        failure(whose, credential.id()) + e.getMessage(), e.getCause() == null ? e : e.getCause());
            } catch (GeneralSecurityException e) {
                throw new SigningException(failure(whose, credential.id()) + e.getMessage(), e);
            }
            if (!verifies(toBeSigned, signature)) {
                throw new SigningException(failure(whose, credential.id()) + "the signature the service returned does "
                        + "not verify against the credential's certificate "
                        + credential.certificate().getSubjectX500Principal().getName()
                        + " (a wrong key, or a certificate renewed since it was read)");
            }
            return signature;
        }

        private boolean verifies(byte[] toBeSigned, byte[] signature) {
            try {
                Signature check = Signature.getInstance("SHA256withRSA");
                check.initVerify(credential.certificate().getPublicKey());
                check.update(toBeSigned);
                return check.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }
}
