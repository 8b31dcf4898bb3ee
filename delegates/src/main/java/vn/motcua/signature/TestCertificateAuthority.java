package vn.motcua.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A local certificate authority for the embedded defaults and the tests: a CA and one certificate per agency,
 * generated once into a folder and reused at every start. Every certificate it issues says it is a test
 * certificate (organisational unit {@value #TEST_MARK}), and the verifier reports it; none is worth anything outside
 * this installation. The keystores' password is random, written beside them, and never leaves the data folder.
 */
public final class TestCertificateAuthority {

    /** The organisational unit of every certificate issued here, and how the verifier recognises them. */
    public static final String TEST_MARK = "CHỨNG THƯ THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ";

    private static final String CA_FILE = "test-ca.p12";
    private static final String PASSWORD_FILE = "password";
    private static final String ALIAS = "signing";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final Path directory;
    private final char[] password;
    private final PrivateKey caKey;
    private final X509Certificate caCertificate;

    private TestCertificateAuthority(Path directory, char[] password, PrivateKey caKey, X509Certificate ca) {
        this.directory = directory;
        this.password = password;
        this.caKey = caKey;
        this.caCertificate = ca;
    }

    /** Opens the CA kept in the folder, creating it on first use. */
    public static synchronized TestCertificateAuthority openOrCreate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path passwordFile = directory.resolve(PASSWORD_FILE);
            Path caFile = directory.resolve(CA_FILE);
            if (!Files.exists(caFile)) {
                byte[] random = new byte[18];
                new SecureRandom().nextBytes(random);
                char[] password = HexFormat.of().formatHex(random).toCharArray();
                KeyPair keys = rsa();
                X500Name name = name("CA THỬ NGHIỆM Một cửa điện tử", "Một cửa điện tử");
                X509Certificate ca = certificate(name, keys, name, keys.getPrivate(), true);
                // Written beside and moved into place, so a crash never leaves half a CA behind.
                Path passwordTemp = directory.resolve(PASSWORD_FILE + ".tmp");
                Files.writeString(passwordTemp, new String(password), StandardCharsets.US_ASCII);
                Files.move(passwordTemp, passwordFile, StandardCopyOption.REPLACE_EXISTING);
                store(caFile, keys.getPrivate(), new X509Certificate[] {ca}, password);
            }
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII)
                    .trim()
                    .toCharArray();
            KeyStore store = load(caFile, password);
            return new TestCertificateAuthority(
                    directory, password, (PrivateKey) store.getKey(ALIAS, password), (X509Certificate)
                            store.getCertificate(ALIAS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or open the test CA in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create or open the test CA in " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    public char[] password() {
        return password.clone();
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** The agency's keystore, issued now if the agency has none yet. */
    public synchronized Path keystore(String agencyCode, String agencyName) {
        Path file = directory.resolve(agencyCode + ".p12");
        if (Files.exists(file)) {
            return file;
        }
        try {
            KeyPair keys = rsa();
            X509Certificate certificate = certificate(
                    name(agencyName, agencyName),
                    keys,
                    X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
                    caKey,
                    false);
            store(file, keys.getPrivate(), new X509Certificate[] {certificate, caCertificate}, password);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot issue a test certificate for " + agencyCode, e);
        }
    }

    /**
     * A person's keystore ({@code users/<user id>.p12}), issued now if the person has none yet: a test personal
     * certificate naming the person and the agency they sign for, marked as a test certificate like the agencies'.
     */
    public synchronized Path personalKeystore(String userId, String personName, String agencyName) {
        Path file = directory.resolve(KeystoreSigningProvider.USERS).resolve(userId + ".p12");
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.getParent());
            KeyPair keys = rsa();
            X509Certificate certificate = certificate(
                    name(personName, agencyName),
                    keys,
                    X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
                    caKey,
                    false);
            store(file, keys.getPrivate(), new X509Certificate[] {certificate, caCertificate}, password);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot issue a test certificate for user " + userId, e);
        }
    }

    /** Whether a certificate was issued by a test CA of this kind (here or elsewhere). */
    public static boolean isTestCertificate(X509Certificate certificate) {
        X500Name subject =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return subject.getRDNs(BCStyle.OU).length > 0
                && TEST_MARK.equals(
                        subject.getRDNs(BCStyle.OU)[0].getFirst().getValue().toString());
    }

    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.OU, TEST_MARK)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(
            X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey, boolean authority)
            throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        builder.addExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(
                        authority
                                ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(
                Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static void store(Path file, PrivateKey key, X509Certificate[] chain, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, password, chain);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            store.store(out, password);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
