package vn.motcua.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.beans.factory.ObjectProvider;
import vn.motcua.agency.Agency;
import vn.motcua.agency.AgencyRepository;

/**
 * Signs with a PKCS#12 keystore per agency: {@code <motcua.signatures.keystore-directory>/<agency code>.p12}, its
 * first key entry. Without that setting, the test CA of the embedded defaults (when the application made one) issues
 * the agency a test keystore on first use. A keystore replaced on disk is read again at the next signature, so a
 * renewed certificate needs no restart. The provider of {@code motcua.signatures.provider=keystore} (the default; see
 * {@link SigningProviders}).
 */
public class KeystoreSigningProvider implements SigningProvider {

    /** Where the personal keystores are, inside the keystore folder. */
    public static final String USERS = "users";

    private static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final SignatureProperties properties;
    private final ObjectProvider<TestCertificateAuthority> testAuthority;
    private final AgencyRepository agencies;
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

    public KeystoreSigningProvider(
            SignatureProperties properties,
            ObjectProvider<TestCertificateAuthority> testAuthority,
            AgencyRepository agencies) {
        this.properties = properties;
        this.testAuthority = testAuthority;
        this.agencies = agencies;
    }

    @Override
    public List<X509Certificate> certificateChain(String agencyCode) {
        return key(agencyCode).chain();
    }

    @Override
    public byte[] sign(String agencyCode, InputStream signedContent) {
        return cms(key(agencyCode), signedContent, "agency " + agencyCode);
    }

    @Override
    public List<X509Certificate> personalCertificateChain(String userId, String name, String agencyCode) {
        return personalKey(userId, name, agencyCode).chain();
    }

    @Override
    public byte[] signAsPerson(String userId, String name, String agencyCode, InputStream signedContent) {
        return cms(personalKey(userId, name, agencyCode), signedContent, "user " + userId);
    }

    /** {@code <keystore-directory>/users/<user id>.p12}; with the embedded defaults, the test CA issues it. */
    private Loaded personalKey(String userId, String name, String agencyCode) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new SigningException("Not a user id a personal keystore can be named by: " + userId);
        }
        Path file;
        char[] password;
        if (properties.keystoreDirectory() != null) {
            file = properties.keystoreDirectory().resolve(USERS).resolve(userId + ".p12");
            password = password();
        } else {
            TestCertificateAuthority authority = testAuthority();
            String agencyName = agencies.find(agencyCode).map(Agency::name).orElse(agencyCode);
            file = authority.personalKeystore(userId, name == null || name.isBlank() ? userId : name, agencyName);
            password = authority.password();
        }
        return load(file, password, "user " + userId);
    }

    private char[] password() {
        if (properties.keystorePassword() == null) {
            throw new SigningException("No keystore password: set motcua.signatures.keystore-password "
                    + "(environment MOTCUA_SIGNATURES_KEYSTORE_PASSWORD)");
        }
        return properties.keystorePassword().toCharArray();
    }

    private TestCertificateAuthority testAuthority() {
        TestCertificateAuthority authority = testAuthority.getIfAvailable();
        if (authority == null) {
            throw new SigningException("No signing keys are configured: set motcua.signatures.keystore-directory "
                    + "to the folder of the agencies' PKCS#12 keystores");
        }
        return authority;
    }

    private static byte[] cms(Loaded key, InputStream signedContent, String whose) {
        ContentSigner signer;
        try {
            signer = new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey());
        } catch (OperatorCreationException e) {
            throw new SigningException("Cannot sign for " + whose + ": " + e.getMessage(), e);
        }
        return CadesSignedData.build(key.chain(), signer, signedContent, whose);
    }

    private Loaded key(String agencyCode) {
        Path file;
        char[] password;
        if (properties.keystoreDirectory() != null) {
            file = properties.keystoreDirectory().resolve(agencyCode + ".p12");
            password = password();
        } else {
            TestCertificateAuthority authority = testAuthority();
            String name = agencies.find(agencyCode).map(Agency::name).orElse(agencyCode);
            file = authority.keystore(agencyCode, name);
            password = authority.password();
        }
        return load(file, password, "agency " + agencyCode);
    }

    private Loaded load(Path file, char[] password, String whose) {
        if (!Files.isRegularFile(file)) {
            throw new SigningException(
                    capitalise(whose) + " has no signing key: " + file.toAbsolutePath() + " does not exist");
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Loaded cached = loaded.get(file);
            if (cached != null && cached.modified().equals(modified)) {
                return cached;
            }
            Loaded fresh = load(file, password, modified);
            loaded.put(file, fresh);
            return fresh;
        } catch (IOException e) {
            throw new SigningException(
                    "Cannot read the signing key of " + whose + " (" + file + "): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SigningException(
                    "Cannot open the signing key of " + whose + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Loaded load(Path file, char[] password, FileTime modified)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : store.getCertificateChain(alias)) {
                    chain.add((X509Certificate) c);
                }
                return new Loaded(modified, (PrivateKey) store.getKey(alias, password), List.copyOf(chain));
            }
        }
        throw new GeneralSecurityException("the keystore holds no private key");
    }

    private record Loaded(FileTime modified, PrivateKey privateKey, List<X509Certificate> chain) {}
}
