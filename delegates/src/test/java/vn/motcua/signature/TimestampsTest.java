package vn.motcua.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.testing.PdfTools;

/**
 * RFC 3161 timestamps on the signatures, against a small timestamp authority run here over HTTP (Bouncy Castle's
 * {@link TimeStampResponseGenerator}): a public authority cannot be reached from the test machines.
 */
class TimestampsTest {

    @TempDir
    static Path folder;

    static TestCertificateAuthority ca;
    static HttpServer authority;
    static X509Certificate tsaCertificate;
    static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void startAuthority() throws Exception {
        ca = TestCertificateAuthority.openOrCreate(folder.resolve("signing"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair keys = rsa.generateKeyPair();
        X500Name name = new X500Name("CN=Máy chủ cấp dấu thời gian thử nghiệm, O=motcua test, C=VN");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))),
                name,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        tsaCertificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()), tsaCertificate),
                new JcaDigestCalculatorProviderBuilder()
                        .build()
                        .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
                new ASN1ObjectIdentifier("1.2.3.4.1"));
        tokens.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(List.of(tsaCertificate)));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);

        authority = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        authority.createContext("/tsa", exchange -> {
            try {
                TimeStampRequest request =
                        new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                byte[] answer = responses
                        .generate(request, BigInteger.valueOf(requests.incrementAndGet()), new Date())
                        .getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        authority.start();
    }

    @AfterAll
    static void stopAuthority() {
        authority.stop(0);
    }

    @Test
    void withAnAuthorityEverySignatureCarriesAValidTimestampOfItsSignatureValue() throws Exception {
        PdfSigner signer =
                signer(URI.create("http://127.0.0.1:" + authority.getAddress().getPort() + "/tsa"));
        SignatureRequest personal = new SignatureRequest(
                PdfSignatureTest.AGENCY,
                PdfSignatureTest.AGENCY_NAME,
                null,
                PdfSignatureTest.DOSSIER,
                "Kết quả giải quyết thủ tục hành chính",
                PdfSignatureTest.SIGNED_AT,
                "lanhdao01",
                "Lê Minh Cường");
        int before = requests.get();

        byte[] signed = signer.sign(PdfSignatureTest.document("TRÍCH LỤC KHAI SINH"), personal);

        assertThat(requests.get() - before).as("one timestamp per signature").isEqualTo(2);
        try (PDDocument document = Loader.loadPDF(signed)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertThat(signatures).hasSize(2);
            for (PDSignature signature : signatures) {
                CMSSignedData cms;
                // The /Contents string is zero-padded after the DER object: read the first object only.
                try (org.bouncycastle.asn1.ASN1InputStream in =
                        new org.bouncycastle.asn1.ASN1InputStream(signature.getContents(signed))) {
                    cms = new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject()));
                }
                SignerInformation signerInfo =
                        cms.getSignerInfos().getSigners().iterator().next();
                Attribute stamp =
                        signerInfo.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                assertThat(stamp).as("the signature timestamp").isNotNull();
                TimeStampToken token = new TimeStampToken(new CMSSignedData(
                        stamp.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER)));
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate));
                assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signerInfo.getSignature()));
            }
        }
        SignatureVerifier.Verification verification = new SignatureVerifier(
                        new TrustAnchors(new SignatureProperties(null, null, null), PdfSignatureTest.provided(ca)))
                .verify(signed);
        assertThat(verification.valid()).as("%s", verification).isTrue();
        String pdfsig = PdfTools.pdfsig(signed).output();
        assertThat(pdfsig.split("Signature is Valid\\.", -1)).as(pdfsig).hasSize(3);
    }

    @Test
    void anAuthorityThatCannotBeReachedFailsTheSignatureRatherThanSigningWithoutTheTimestamp() throws Exception {
        PdfSigner signer =
                signer(URI.create("http://127.0.0.1:" + authority.getAddress().getPort() + "/missing"));

        assertThatThrownBy(() -> signer.sign(PdfSignatureTest.document("PHIẾU"), PdfSignatureTest.request()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("timestamp authority");
    }

    private static PdfSigner signer(URI url) throws IOException {
        return new PdfSigner(
                new KeystoreSigningProvider(
                        new SignatureProperties(null, null, null),
                        PdfSignatureTest.provided(ca),
                        PdfSignatureTest.agencies()),
                PdfSignatureTest.DOCUMENTS,
                new Timestamps(new TimestampProperties(url, Duration.ofSeconds(5))));
    }
}
