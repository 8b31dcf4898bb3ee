package vn.motcua.app.citizen;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.motcua.app.web.SubmissionRequest;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRequests;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.DossierSubmission.SubmittedDossier;
import vn.motcua.dossier.InvalidSubmissionException;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.CurrentActor;
import vn.motcua.payment.PaymentReceipt;
import vn.motcua.procedure.ProcedureCatalog;

/** What a citizen does online: submit, follow, supplement and withdraw a dossier. No sign-in; the lookup key proves ownership. */
@RestController
@RequestMapping("/api/public/dossiers")
@Tag(name = "Citizen dossiers", description = "Nộp hồ sơ trực tuyến và tra cứu tình trạng hồ sơ")
class CitizenDossierController {

    static final String LOOKUP_KEY_HEADER = "X-Lookup-Key";
    private static final String CITIZEN = "citizen";

    private final DossierSubmission submission;
    private final DossierRequests requests;
    private final DossierViews views;
    private final CurrentActor actor;
    private final PaymentReceipt receipts;
    private final ProcedureCatalog catalog;
    private final ResultDeliveries deliveries;
    private final Ratings ratings;
    private final TransactionTemplate transaction;

    CitizenDossierController(
            DossierSubmission submission,
            DossierRequests requests,
            DossierViews views,
            CurrentActor actor,
            PaymentReceipt receipts,
            ProcedureCatalog catalog,
            ResultDeliveries deliveries,
            Ratings ratings,
            PlatformTransactionManager transactionManager) {
        this.submission = submission;
        this.requests = requests;
        this.views = views;
        this.actor = actor;
        this.receipts = receipts;
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.ratings = ratings;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Submit a dossier online",
            description = "Multipart: a JSON part `dossier` (procedureKey, agencyCode, applicant, data = the start "
                    + "form's fields, resultDelivery = {method: DESK, POST with address, or ONLINE for full-online "
                    + "procedures}) and one part per document, named by its document code. Answers 201 with the "
                    + "dossier code and the lookup key, which is shown only once.")
    ResponseEntity<SubmissionReceipt> submit(
            @RequestPart(SubmissionRequest.JSON_PART) SubmissionRequest dossier,
            MultipartHttpServletRequest multipart) {
        // A missing procedure key is the submission's own 400 below; only a known procedure has delivery rules.
        java.util.Optional.ofNullable(dossier.procedureKey())
                .flatMap(catalog::latest)
                .ifPresent(procedure -> {
                    List<FieldProblem> problems =
                            ResultDeliveries.problems(procedure.descriptor(), dossier.resultDelivery());
                    if (!problems.isEmpty()) {
                        throw new InvalidSubmissionException(problems);
                    }
                });
        // One transaction: the dossier and its delivery choice are stored together or not at all.
        SubmittedDossier submitted = transaction.execute(status -> {
            SubmittedDossier s = submission.submit(
                    // scannedDocuments are refused online: only paper is scanned
                    dossier.toNewDossier(Channel.ONLINE, multipart, CITIZEN));
            deliveries.record(s.dossier().id(), dossier.resultDelivery());
            return s;
        });
        Dossier d = submitted.dossier();
        return ResponseEntity.created(URI.create("/api/public/dossiers/" + d.code()))
                .body(new SubmissionReceipt(
                        d.code(), d.publicStatus().code(), d.publicStatus().nameVi(), submitted.lookupKey()));
    }

    @GetMapping("/{code}")
    @Operation(
            summary = "Follow a dossier",
            description = "With the lookup key in X-Lookup-Key, also the "
                    + "applicant's details and documents. An unknown code and a wrong key both answer 404.")
    DossierView status(
            @PathVariable String code, @RequestHeader(name = LOOKUP_KEY_HEADER, required = false) String lookupKey) {
        return lookupKey == null ? views.publicView(code) : views.ownerView(code, lookupKey);
    }

    @GetMapping("/{code}/documents/{documentId}")
    @Operation(
            summary = "Download one of the dossier's files",
            description = "The applicant's own documents and, once issued, the result (document code ket-qua). "
                    + "Needs the lookup key; an unknown code, document or key answer 404 alike.")
    ResponseEntity<byte[]> document(
            @PathVariable String code,
            @PathVariable long documentId,
            @RequestHeader(LOOKUP_KEY_HEADER) String lookupKey) {
        DocumentFile file = views.document(code, lookupKey, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @GetMapping("/{code}/payments/{reference}/receipt")
    @Operation(
            summary = "Download the receipt of a paid fee (PDF)",
            description = "The electronic receipt (biên lai) of one of the dossier's payments, once paid. Needs the "
                    + "lookup key; an unknown code, payment or key, or a payment not paid, answer 404 alike.")
    ResponseEntity<byte[]> receipt(
            @PathVariable String code,
            @PathVariable String reference,
            @RequestHeader(LOOKUP_KEY_HEADER) String lookupKey) {
        views.requireOwner(code, lookupKey);
        byte[] pdf = receipts.render(code, reference).orElseThrow(() -> new UnknownDossierException(code));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("bien-lai-" + reference + ".pdf", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    @PostMapping(path = "/{code}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Send the documents the agency asked for",
            description = "One part per document, named by its document code. 409 when no supplement was requested.")
    DossierView supplement(
            @PathVariable String code,
            @RequestHeader(LOOKUP_KEY_HEADER) String lookupKey,
            MultipartHttpServletRequest multipart) {
        views.requireOwner(code, lookupKey);
        actor.as(CITIZEN, () -> requests.supplement(code, SubmissionRequest.files(multipart)));
        return views.ownerView(code, lookupKey);
    }

    @PostMapping("/{code}/withdrawal")
    @Operation(summary = "Withdraw a dossier", description = "Allowed until the result is ready; 409 after that.")
    DossierView withdraw(
            @PathVariable String code,
            @RequestHeader(LOOKUP_KEY_HEADER) String lookupKey,
            @RequestBody(required = false) ReasonRequest body) {
        views.requireOwner(code, lookupKey);
        String reason = body == null || body.reason() == null ? "" : body.reason();
        actor.as(CITIZEN, () -> requests.withdraw(code, reason));
        return views.ownerView(code, lookupKey);
    }

    @PostMapping("/{code}/rating")
    @Operation(
            summary = "Rate the service once the result is returned",
            description = "level: VERY_SATISFIED (Rất hài lòng), SATISFIED (Hài lòng) or DISSATISFIED (Không hài "
                    + "lòng); comment optional, at most 1000 characters. One rating per dossier: 409 before the "
                    + "result was returned and for a second rating; 400 naming the field; a wrong key: 404.")
    DossierView rate(
            @PathVariable String code,
            @RequestHeader(LOOKUP_KEY_HEADER) String lookupKey,
            @RequestBody RatingRequest body) {
        Dossier d = views.owned(code, lookupKey);
        ratings.rate(d, body == null ? null : body.level(), body == null ? null : body.comment());
        return views.ownerView(code, lookupKey);
    }

    record RatingRequest(String level, String comment) {}

    /** What the citizen must keep: the code to quote and the key to see their own dossier. */
    record SubmissionReceipt(String code, int status, String statusName, String lookupKey) {}

    record ReasonRequest(String reason) {}
}
