package vn.motcua.app.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.app.web.ApiProblems;
import vn.motcua.document.QrCodes;
import vn.motcua.document.QrContent;
import vn.motcua.signature.NotAPdfException;
import vn.motcua.signature.SignatureVerifier;
import vn.motcua.signature.SignatureVerifier.SignatureCheck;
import vn.motcua.signature.SignatureVerifier.Verification;

/** Anyone checks a PDF the platform signed: no sign-in, nothing stored. */
@RestController
@RequestMapping("/api/public/signatures")
@Tag(name = "Signatures", description = "Kiểm tra chữ ký số trên văn bản điện tử")
class SignatureVerificationController {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final SignatureVerifier verifier;

    SignatureVerificationController(SignatureVerifier verifier) {
        this.verifier = verifier;
    }

    @PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Verify the signatures of a PDF",
            description = "Multipart part `file`, a PDF. `valid` is true when the file is signed, every signature "
                    + "is intact and chains to a CA this installation trusts, and the last one covers the whole "
                    + "file. A file that is not a PDF answers 415.")
    VerificationView verify(@RequestPart("file") MultipartFile file) throws IOException {
        byte[] pdf = file.getBytes();
        Verification verification = verifier.verify(pdf);
        QrView qr = QrCodes.read(pdf).flatMap(QrContent::parse).map(QrView::of).orElse(null);
        String dossierCode = verification.signatures().stream()
                .map(SignatureCheck::dossierCode)
                .filter(code -> code != null && !code.isBlank())
                .reduce((first, last) -> last)
                .orElse(qr == null ? null : qr.dossierCode());
        return new VerificationView(
                verification.signed(),
                verification.valid(),
                verification.signatures().stream().map(SignatureView::of).toList(),
                dossierCode,
                qr);
    }

    @ExceptionHandler
    ProblemDetail notAPdf(NotAPdfException e) {
        return ApiProblems.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-pdf", "Tệp không phải là PDF", e.getMessage());
    }

    /**
     * @param dossierCode the dossier the document names: its last signature's, else its QR code's (null if neither)
     * @param qr          the QR code of Thông tư 01/2023/TT-VPCP read from the first page (null if none); the
     *                    applicant's identifier it carries is left out of the answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerificationView(
            boolean signed, boolean valid, List<SignatureView> signatures, String dossierCode, QrView qr) {}

    /** What the document's QR code says, and the tracking page it opens. */
    record QrView(
            String dossierCode,
            String procedureCode,
            String documentName,
            String issuingSystem,
            LocalDateTime issuedAt,
            LocalDateTime appointment,
            String trackingHref) {

        static QrView of(QrContent c) {
            return new QrView(
                    c.dossierCode(),
                    c.procedureCode(),
                    c.documentName(),
                    c.issuingSystem(),
                    c.issuedAt(),
                    c.appointment(),
                    QrContent.TRACKING_PATH + "?ma=" + URLEncoder.encode(c.dossierCode(), StandardCharsets.UTF_8));
        }
    }

    /** One signature as the API shows it; times at Vietnam's offset. */
    record SignatureView(
            String signer,
            String organisation,
            OffsetDateTime signedAt,
            boolean intact,
            boolean trusted,
            boolean coversWholeDocument,
            String dossierCode,
            boolean testCertificate,
            String problem) {

        static SignatureView of(SignatureCheck c) {
            return new SignatureView(
                    c.signer(),
                    c.organisation(),
                    c.signedAt() == null ? null : c.signedAt().atOffset(VIETNAM),
                    c.intact(),
                    c.trusted(),
                    c.coversWholeDocument(),
                    c.dossierCode(),
                    c.testCertificate(),
                    c.problem());
        }
    }
}
