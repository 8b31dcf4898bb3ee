package vn.motcua.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.signature.CscStandIn.Failure;
import vn.motcua.signature.CscStandIn.Recorded;
import vn.motcua.signature.SignatureVerifier.SignatureCheck;
import vn.motcua.signature.SignatureVerifier.Verification;
import vn.motcua.testing.PdfTools;

/**
 * The CSC API v2 provider against a local stand-in of a remote-signing service: a result signed by the approving
 * leader's and the agency's remote keys is valid for the application's verifier and for pdfsig; only 32-byte hashes
 * leave the platform; every failure of the service is a {@link SigningException} naming who could not sign and why.
 */
class CscSigningProviderTest {

    static final String AGENCY = PdfSignatureTest.AGENCY;
    static final String AGENCY_NAME = PdfSignatureTest.AGENCY_NAME;
    static final String LEADER = "lanhdao01";
    static final String LEADER_NAME = "Lê Minh Cường";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static CscStandIn service;
    static String agencyCredential;
    static String leaderCredential;
    static SignatureVerifier verifier;

    @BeforeAll
    static void startTheService() {
        service = CscStandIn.start(folder.resolve("csc"));
        agencyCredential = service.agencyCredential(AGENCY, AGENCY_NAME);
        leaderCredential = service.personalCredential(LEADER, LEADER_NAME, AGENCY_NAME);
        // The verifier trusts the service's CA, as an installation lists its provider's CA in trusted-certificates.
        verifier = new SignatureVerifier(new TrustAnchors(
                new SignatureProperties(null, null, null), PdfSignatureTest.provided(service.authority())));
    }

    @AfterAll
    static void stopTheService() {
        service.close();
    }

    @AfterEach
    void healTheService() {
        service.fail(Failure.NONE);
        service.forgetRequests();
    }

    @Test
    void aResultSignedThroughTheServiceByTheLeaderAndTheAgencyIsValidForTheApplicationAndForPdfsig()
            throws IOException {
        byte[] signed = signer(clientCredentials()).sign(PdfSignatureTest.document("GIẤY CHỨNG NHẬN"), request());

        Verification verification = verifier.verify(signed);
        assertThat(verification.valid()).as("%s", verification).isTrue();
        assertThat(verification.signatures()).hasSize(2);
        SignatureCheck leader = verification.signatures().get(0);
        assertThat(leader.signer()).isEqualTo(LEADER_NAME);
        assertThat(leader.organisation()).isEqualTo(AGENCY_NAME);
        assertThat(leader.intact()).isTrue();
        assertThat(leader.trusted()).isTrue();
        SignatureCheck agency = verification.signatures().get(1);
        assertThat(agency.signer()).isEqualTo(AGENCY_NAME);
        assertThat(agency.intact()).isTrue();
        assertThat(agency.trusted()).isTrue();
        assertThat(agency.coversWholeDocument()).isTrue();
        assertThat(agency.dossierCode()).isEqualTo(PdfSignatureTest.DOSSIER);

        String pdfsig = PdfTools.pdfsig(signed).output();
        assertThat(pdfsig.split("Signature Validation: Signature is Valid\\.", -1))
                .as(pdfsig)
                .hasSize(3);
        assertThat(pdfsig).contains("ETSI.CAdES.detached").contains("Total document signed");
        assertThat(PdfTools.text(signed)).contains("Người ký: " + LEADER_NAME).contains("Ký số bởi: " + AGENCY_NAME);
    }

    @Test
    void onlyTheHashOfTheSignedAttributesLeavesThePlatform() throws Exception {
        byte[] signed = signer(clientCredentials()).sign(PdfSignatureTest.document("GIẤY CHỨNG NHẬN"), request());

        List<Recorded> signHashes = service.requests("csc/v2/signatures/signHash");
        assertThat(signHashes).hasSize(2);
        Set<String> allowed = Set.of(
                "credentialID",
                "certificates",
                "certInfo",
                "authInfo",
                "numSignatures",
                "hashes",
                "hashAlgorithmOID",
                "SAD",
                "signAlgo");
        List<String> sentHashes = new ArrayList<>();
        for (Recorded request : service.requests()) {
            // Small requests: the document (tens of kilobytes) never goes out, nor anything but the API's fields.
            assertThat(request.body().length()).as(request.path()).isLessThan(400);
            if (request.path().startsWith("/csc/v2/credentials")
                    || request.path().startsWith("/csc/v2/signatures")) {
                JsonNode body = JSON.readTree(request.body());
                Set<String> fields = new HashSet<>();
                body.fieldNames().forEachRemaining(fields::add);
                assertThat(allowed).as(request.path()).containsAll(fields);
                for (JsonNode hash : body.path("hashes")) {
                    assertThat(Base64.getDecoder().decode(hash.asText()))
                            .as("a SHA-256 hash")
                            .hasSize(32);
                    if (request.path().endsWith("signHash")) {
                        sentHashes.add(hash.asText());
                        assertThat(body.path("hashAlgorithmOID").asText()).isEqualTo("2.16.840.1.101.3.4.2.1");
                        assertThat(body.path("signAlgo").asText()).isEqualTo("1.2.840.113549.1.1.11");
                    }
                }
            }
        }
        // Each hash sent is the SHA-256 of the CAdES signed attributes of one signature in the file.
        List<String> signedAttributes = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(signed)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                // The contents are padded with zeros after the CMS object: read the object alone.
                SignerInformation signer = new CMSSignedData(
                                ContentInfo.getInstance(new ASN1InputStream(signature.getContents()).readObject()))
                        .getSignerInfos()
                        .getSigners()
                        .iterator()
                        .next();
                signedAttributes.add(sha256(signer.getEncodedSignedAttributes()));
            }
        }
        assertThat(sentHashes).containsExactlyElementsOf(signedAttributes);
    }

    @Test
    void theTokenAndTheCertificatesAreReusedAndReadAgainAfterAFailure() throws IOException {
        PdfSigner signer = signer(clientCredentials());
        signer.sign(PdfSignatureTest.document("Một"), agencyOnly());
        signer.sign(PdfSignatureTest.document("Hai"), agencyOnly());

        assertThat(service.requests("oauth2/token")).hasSize(1);
        assertThat(service.requests("csc/v2/credentials/info")).hasSize(1);
        assertThat(service.requests("csc/v2/signatures/signHash")).hasSize(2);

        service.fail(Failure.WRONG_SIGNATURE);
        assertThatThrownBy(() -> signer.sign(PdfSignatureTest.document("Ba"), agencyOnly()))
                .isInstanceOf(SigningException.class);
        service.fail(Failure.NONE);
        service.forgetRequests();
        signer.sign(PdfSignatureTest.document("Bốn"), agencyOnly());
        assertThat(service.requests("csc/v2/credentials/info"))
                .as("read again after the failure")
                .hasSize(1);
    }

    @Test
    void aTokenTheServiceEndedEarlyIsReplacedOnce() throws IOException {
        PdfSigner signer = signer(clientCredentials());
        signer.sign(PdfSignatureTest.document("Một"), agencyOnly());
        service.revokeTokens();

        byte[] signed = signer.sign(PdfSignatureTest.document("Hai"), agencyOnly());

        assertThat(verifier.verify(signed).valid()).isTrue();
        assertThat(service.requests("oauth2/token")).hasSize(2);
    }

    @Test
    void aFixedBearerTokenWorksWithoutTheClientCredentials() throws IOException {
        byte[] signed = signer(settings(null, null, service.token(), Duration.ofSeconds(10)))
                .sign(PdfSignatureTest.document("Giấy tờ"), agencyOnly());

        assertThat(verifier.verify(signed).valid()).isTrue();
        assertThat(service.requests("oauth2/token")).isEmpty();
        assertThat(service.requests("csc/v2/signatures/signHash"))
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + service.token()));
    }

    @Test
    void aServiceThatIsDownIsASigningFailureNamingTheAgencyAndTheService() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CscProperties down = new CscProperties(
                URI.create("http://localhost:" + closed),
                null,
                null,
                "token",
                Duration.ofSeconds(5),
                null,
                Map.of(AGENCY, agencyCredential),
                Map.of());

        assertThatThrownBy(() -> signer(down).sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("agency " + AGENCY)
                .hasMessageContaining("cannot connect to the CSC service at http://localhost:" + closed);
    }

    @Test
    void aRefusedTokenIsASigningFailureSayingTheServiceAnswered401() throws IOException {
        assertThatThrownBy(() -> signer(settings(null, null, "not-the-token", Duration.ofSeconds(10)))
                        .sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("agency " + AGENCY)
                .hasMessageContaining("HTTP 401 to credentials/info: invalid_token");

        assertThatThrownBy(() -> signer(settings(service.clientId(), "wrong-secret", null, Duration.ofSeconds(10)))
                        .sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("HTTP 401 to oauth2/token: invalid_client");

        service.fail(Failure.UNAUTHORIZED);
        assertThatThrownBy(() -> signer(clientCredentials()).sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("check the token or the client id and secret");
    }

    @Test
    void aDisabledKeyIsASigningFailureNamingTheAgency() throws IOException {
        service.fail(Failure.KEY_DISABLED);
        assertThatThrownBy(() -> signer(clientCredentials()).sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("agency " + AGENCY)
                .hasMessageContaining(agencyCredential)
                .hasMessageContaining("the key is disabled at the service");

        // Disabled after its status was read: the service refuses to authorize, and says why.
        service.fail(Failure.NONE);
        PdfSigner signer = signer(clientCredentials());
        signer.sign(PdfSignatureTest.document("x"), agencyOnly());
        service.fail(Failure.KEY_DISABLED);
        assertThatThrownBy(() -> signer.sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("agency " + AGENCY)
                .hasMessageContaining("HTTP 400 to credentials/authorize: invalid_request (The key is disabled)");
    }

    @Test
    void aCertificateThatIsNotValidIsASigningFailure() throws IOException {
        service.fail(Failure.CERTIFICATE_REVOKED);
        assertThatThrownBy(() -> signer(clientCredentials()).sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("agency " + AGENCY)
                .hasMessageContaining("certificate revoked");

        service.fail(Failure.NONE);
        String expired = service.expiredCredential("agency-expired");
        CscProperties settings = new CscProperties(
                service.baseUrl(),
                service.clientId(),
                service.clientSecret(),
                null,
                Duration.ofSeconds(10),
                null,
                Map.of(AGENCY, expired),
                Map.of());
        assertThatThrownBy(() -> signer(settings).sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("agency " + AGENCY)
                .hasMessageContaining("is not valid now");
    }

    @Test
    void aSignatureThatDoesNotVerifyAgainstTheCertificateIsRefused() throws IOException {
        service.fail(Failure.WRONG_SIGNATURE);

        // The leader signs first: the failure names the leader and the leader's credential.
        assertThatThrownBy(() -> signer(clientCredentials()).sign(PdfSignatureTest.document("x"), request()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("user " + LEADER)
                .hasMessageContaining(leaderCredential)
                .hasMessageContaining("does not verify against the credential's certificate");
    }

    @Test
    void aServerErrorOrNoAnswerInTimeIsASigningFailure() throws IOException {
        service.fail(Failure.SERVER_ERROR);
        assertThatThrownBy(() -> signer(clientCredentials()).sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("agency " + AGENCY)
                .hasMessageContaining("HTTP 500 to signatures/signHash");

        service.fail(Failure.SLOW);
        CscProperties impatient =
                settings(service.clientId(), service.clientSecret(), null, CscStandIn.SLOW.dividedBy(4));
        assertThatThrownBy(() -> signer(impatient).sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("agency " + AGENCY)
                .hasMessageContaining("did not answer signatures/signHash within PT1S");
    }

    @Test
    void aCredentialAskingForAPinCannotBeUsedUnattended() throws IOException {
        service.fail(Failure.EXPLICIT_AUTHORIZATION);

        assertThatThrownBy(() -> signer(clientCredentials()).sign(PdfSignatureTest.document("x"), agencyOnly()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("'explicit' authorization");
    }

    @Test
    void anAgencyOrPersonWithoutACredentialSaysWhatToSet() throws IOException {
        CscProperties noLeader = new CscProperties(
                service.baseUrl(),
                null,
                null,
                service.token(),
                null,
                null,
                Map.of(AGENCY.toLowerCase(), agencyCredential),
                Map.of());

        assertThatThrownBy(() -> signer(noLeader).sign(PdfSignatureTest.document("x"), request()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("User " + LEADER + " has no credential at the CSC service")
                .hasMessageContaining("motcua.signatures.csc.users[" + LEADER + "]");
        // An agency code lower-cased (as environment variables arrive) still finds its credential.
        assertThat(verifier.verify(signer(noLeader).sign(PdfSignatureTest.document("x"), agencyOnly()))
                        .valid())
                .isTrue();
    }

    @Test
    void incompleteSettingsStopTheStartNamingTheMissingOne() {
        assertThatThrownBy(
                        () -> new CscSigningProvider(new CscProperties(null, null, null, "t", null, null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("motcua.signatures.csc.base-url");
        assertThatThrownBy(() -> new CscSigningProvider(
                        new CscProperties(service.baseUrl(), "id", null, null, null, null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("client-secret");
        assertThat(new CscProperties(service.baseUrl(), "id", "very-secret", "tok", null, null, null, null).toString())
                .doesNotContain("very-secret")
                .doesNotContain("tok,");
    }

    private static PdfSigner signer(CscProperties settings) {
        return new PdfSigner(new CscSigningProvider(settings), PdfSignatureTest.DOCUMENTS);
    }

    private static CscProperties clientCredentials() {
        return settings(service.clientId(), service.clientSecret(), null, Duration.ofSeconds(10));
    }

    private static CscProperties settings(String clientId, String clientSecret, String token, Duration timeout) {
        return new CscProperties(
                service.baseUrl(),
                clientId,
                clientSecret,
                token,
                timeout,
                null,
                Map.of(AGENCY, agencyCredential),
                Map.of(LEADER, leaderCredential));
    }

    private static SignatureRequest request() {
        return new SignatureRequest(
                AGENCY,
                AGENCY_NAME,
                LEADER_NAME,
                PdfSignatureTest.DOSSIER,
                "Kết quả giải quyết thủ tục hành chính",
                PdfSignatureTest.SIGNED_AT,
                LEADER,
                LEADER_NAME);
    }

    private static SignatureRequest agencyOnly() {
        return PdfSignatureTest.request();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
