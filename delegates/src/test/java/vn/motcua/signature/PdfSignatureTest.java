package vn.motcua.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;
import vn.motcua.agency.Agency;
import vn.motcua.agency.AgencyLevel;
import vn.motcua.agency.AgencyRepository;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.signature.SignatureVerifier.SignatureCheck;
import vn.motcua.signature.SignatureVerifier.Verification;
import vn.motcua.testing.PdfTools;

/** Signing with an agency's key and verifying, checked against poppler's pdfsig as an independent verifier. */
class PdfSignatureTest {

    static final String AGENCY = "000.00.99.H99";
    static final String AGENCY_NAME = "UBND xã Thử Nghiệm";
    static final String DOSSIER = "000.00.99.H99-261201-0001";
    // an hour before the run: the test CA issues its certificates from the day before it was made, so a fixed date
    // would
    // fall outside their validity one day
    static final Instant SIGNED_AT = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    static final DocumentProperties DOCUMENTS = new DocumentProperties(
            DataSize.ofMegabytes(10),
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    @TempDir
    static Path folder;

    static TestCertificateAuthority authority;
    static PdfSigner signer;
    static SignatureVerifier verifier;
    static byte[] signed;

    @BeforeAll
    static void signOnce() throws IOException {
        authority = TestCertificateAuthority.openOrCreate(folder.resolve("signing"));
        ObjectProvider<TestCertificateAuthority> provided = provided(authority);
        signer = new PdfSigner(
                new KeystoreSigningProvider(new SignatureProperties(null, null, null), provided, agencies()),
                DOCUMENTS);
        verifier = new SignatureVerifier(new TrustAnchors(new SignatureProperties(null, null, null), provided));
        signed = signer.sign(document("GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH"), request());
    }

    @Test
    void aSignedPdfIsValidForTheApplicationAndForPdfsig() {
        Verification verification = verifier.verify(signed);

        assertThat(verification.signed()).isTrue();
        assertThat(verification.valid()).as("%s", verification).isTrue();
        SignatureCheck check = verification.signatures().get(0);
        assertThat(check.signer()).isEqualTo(AGENCY_NAME);
        assertThat(check.organisation()).isEqualTo(AGENCY_NAME);
        assertThat(check.intact()).isTrue();
        assertThat(check.trusted()).isTrue();
        assertThat(check.coversWholeDocument()).isTrue();
        assertThat(check.dossierCode()).isEqualTo(DOSSIER);
        assertThat(check.testCertificate()).isTrue();
        assertThat(check.signedAt()).isEqualTo(SIGNED_AT);

        PdfTools.Result pdfsig = PdfTools.pdfsig(signed);
        assertThat(pdfsig.output())
                .contains("Signature Validation: Signature is Valid.")
                .contains("ETSI.CAdES.detached")
                .contains("Total document signed");
    }

    @Test
    void theVisibleBlockSaysWhoSignedForWhichAgencyWhenAndThatTheCertificateIsATestOne() {
        String text = PdfTools.text(signed);

        assertThat(text)
                .contains("GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH")
                .contains("Ký số bởi: UBND xã Thử Nghiệm")
                .contains("Người phê duyệt: Trần Thị Lãnh Đạo")
                .contains("Thời gian ký: "
                        + DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy")
                                .withZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                                .format(SIGNED_AT)
                        + " (GMT+7)")
                .contains("Mã hồ sơ: " + DOSSIER)
                .contains("CHỮ KÝ THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ");
    }

    @Test
    void aByteChangedAfterSigningIsDetectedByBothVerifiers() {
        byte[] tampered = signed.clone();
        // The dossier code in the signature dictionary lies inside the signed byte range.
        int at = indexOf(tampered, ("(" + DOSSIER + ")").getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive();
        tampered[at + DOSSIER.length()] = (byte) (tampered[at + DOSSIER.length()] == '1' ? '2' : '1');

        Verification verification = verifier.verify(tampered);

        assertThat(verification.signed()).isTrue();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.signatures().get(0).intact()).isFalse();
        assertThat(PdfTools.pdfsig(tampered).output()).contains("Digest Mismatch");
    }

    @Test
    void pagesAddedAfterSigningAreReported() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
        }
        byte[] extended = out.toByteArray();

        Verification verification = verifier.verify(extended);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.signatures().get(0).intact()).isTrue();
        assertThat(verification.signatures().get(0).coversWholeDocument()).isFalse();
        assertThat(PdfTools.pdfsig(extended).output()).contains("Not total document signed");
    }

    @Test
    void anUnsignedPdfIsReportedUnsigned() throws IOException {
        byte[] unsigned = document("Bản sao");

        Verification verification = verifier.verify(unsigned);

        assertThat(verification.signed()).isFalse();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.signatures()).isEmpty();
        assertThat(PdfTools.pdfsig(unsigned).output()).contains("does not contain any signatures");
    }

    @Test
    void aSignatureByACertificateOfAnotherCaIsIntactButNotTrusted() throws IOException {
        TestCertificateAuthority stranger = TestCertificateAuthority.openOrCreate(folder.resolve("stranger"));
        PdfSigner strangerSigner = new PdfSigner(
                new KeystoreSigningProvider(new SignatureProperties(null, null, null), provided(stranger), agencies()),
                DOCUMENTS);
        byte[] foreign = strangerSigner.sign(document("Giấy tờ"), request());

        Verification verification = verifier.verify(foreign);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.signatures().get(0).intact()).isTrue();
        assertThat(verification.signatures().get(0).trusted()).isFalse();
        assertThat(verification.signatures().get(0).problem()).contains("trusted CA");
    }

    @Test
    void somethingThatIsNotAPdfIsRefused() {
        assertThatThrownBy(() -> verifier.verify("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotAPdfException.class);
        assertThatThrownBy(() -> verifier.verify("%PDF-1.7 but not really".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotAPdfException.class);
    }

    @Test
    void aConfiguredKeystoreFolderWithoutTheAgencysFileNamesTheAgencyAndTheFile() throws IOException {
        Path empty = Files.createDirectories(folder.resolve("production"));
        PdfSigner production = new PdfSigner(
                new KeystoreSigningProvider(new SignatureProperties(empty, "secret", null), provided(null), agencies()),
                DOCUMENTS);

        assertThatThrownBy(() -> production.sign(document("x"), request()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining(AGENCY)
                .hasMessageContaining(empty.resolve(AGENCY + ".p12").toString());
    }

    @Test
    void aWrongKeystorePasswordIsASigningFailureNamingTheAgency() throws IOException {
        Path keys = Files.createDirectories(folder.resolve("wrong-password"));
        Files.copy(authority.keystore(AGENCY, AGENCY_NAME), keys.resolve(AGENCY + ".p12"));
        PdfSigner production = new PdfSigner(
                new KeystoreSigningProvider(
                        new SignatureProperties(keys, "not-the-password", null), provided(null), agencies()),
                DOCUMENTS);

        assertThatThrownBy(() -> production.sign(document("x"), request()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("signing key of agency " + AGENCY)
                .hasMessageContaining("password was incorrect");
    }

    @Test
    void withoutAnyKeysConfiguredSigningFailsSayingWhatToSet() throws IOException {
        PdfSigner unconfigured = new PdfSigner(
                new KeystoreSigningProvider(new SignatureProperties(null, null, null), provided(null), agencies()),
                DOCUMENTS);

        assertThatThrownBy(() -> unconfigured.sign(document("x"), request()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("motcua.signatures.keystore-directory");
    }

    @Test
    void theTestCaIsMadeOnceAndReusedWithItsAgencyKeystores() {
        TestCertificateAuthority again = TestCertificateAuthority.openOrCreate(folder.resolve("signing"));

        assertThat(again.caCertificate()).isEqualTo(authority.caCertificate());
        assertThat(again.keystore(AGENCY, AGENCY_NAME)).isEqualTo(authority.keystore(AGENCY, AGENCY_NAME));
        assertThat(TestCertificateAuthority.isTestCertificate(authority.caCertificate()))
                .isTrue();
    }

    static SignatureRequest request() {
        return new SignatureRequest(
                AGENCY, AGENCY_NAME, "Trần Thị Lãnh Đạo", DOSSIER, "Kết quả giải quyết thủ tục hành chính", SIGNED_AT);
    }

    static byte[] document(String title) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, new File(DOCUMENTS.font()));
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.beginText();
                out.setFont(font, 14);
                out.newLineAtOffset(72, 760);
                out.showText(title);
                out.endText();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    static ObjectProvider<TestCertificateAuthority> provided(TestCertificateAuthority authority) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                authority == null ? Map.of() : Map.of("testCertificateAuthority", authority));
        return beans.getBeanProvider(TestCertificateAuthority.class);
    }

    /** The agency table, without a database: every code is the test commune. */
    static AgencyRepository agencies() {
        return new AgencyRepository(null) {
            @Override
            public Optional<Agency> find(String code) {
                return Optional.of(
                        new Agency(code, AGENCY_NAME, AgencyLevel.COMMUNE, null, null, true, null, null, null));
            }
        };
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
