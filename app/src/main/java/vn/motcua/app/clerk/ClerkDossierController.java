package vn.motcua.app.clerk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.motcua.agency.AgencySide;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.citizen.ResultDeliveries;
import vn.motcua.app.security.DossierAccess;
import vn.motcua.app.web.SubmissionRequest;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRequests;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.DossierSubmission.SubmittedDossier;
import vn.motcua.dossier.InvalidSubmissionException;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.engine.CurrentActor;
import vn.motcua.procedure.ProcedureCatalog;

/** What staff do to dossiers outside their task forms: take in a paper dossier at the desk, stop processing. */
@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Clerk dossiers", description = "Tiếp nhận hồ sơ tại Bộ phận Một cửa; dừng xử lý hồ sơ")
class ClerkDossierController {

    /** Who attaches the result files: the competent agency's specialists and leaders, the return desk's clerks. */
    static final Map<AgencySide, Set<StaffRole>> RESULT_ATTACHERS = Map.of(
            AgencySide.COMPETENT,
            Set.of(StaffRole.SPECIALIST, StaffRole.LEADER),
            AgencySide.RETURN,
            Set.of(StaffRole.DESK_CLERK));

    private final DossierSubmission submission;
    private final DossierRequests requests;
    private final CurrentActor actor;
    private final DossierAccess access;
    private final ProcedureCatalog catalog;
    private final ResultDeliveries deliveries;
    private final TransactionTemplate transaction;

    ClerkDossierController(
            DossierSubmission submission,
            DossierRequests requests,
            CurrentActor actor,
            DossierAccess access,
            ProcedureCatalog catalog,
            ResultDeliveries deliveries,
            PlatformTransactionManager transactionManager) {
        this.submission = submission;
        this.requests = requests;
        this.actor = actor;
        this.access = access;
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Take in a paper dossier at the desk",
            description = "Same parts as the online submission; the clerk must be a desk clerk of agencyCode (403 "
                    + "otherwise). The dossier's channel is DESK and the clerk is "
                    + "logged as its submitter. The lookup key is printed on the citizen's receipt. "
                    + "scannedDocuments in the JSON part lists the paper documents scanned (digitisation at "
                    + "receipt); each needs its file part. resultDelivery is the applicant's choice of how to "
                    + "receive the result, as online (DESK, POST with address, ONLINE for full-online procedures).")
    ResponseEntity<DeskReceipt> intake(
            @RequestPart(SubmissionRequest.JSON_PART) SubmissionRequest dossier,
            MultipartHttpServletRequest multipart,
            Principal clerk) {
        access.requireAt(clerk, dossier.agencyCode(), StaffRole.DESK_CLERK);
        // The same rules and the same table as the online submission's choice (docs/pages.md).
        java.util.Optional.ofNullable(dossier.procedureKey())
                .flatMap(catalog::latest)
                .ifPresent(procedure -> {
                    List<FieldProblem> problems =
                            ResultDeliveries.problems(procedure.descriptor(), dossier.resultDelivery());
                    if (!problems.isEmpty()) {
                        throw new InvalidSubmissionException(problems);
                    }
                });
        SubmittedDossier submitted = actor.as(
                clerk.getName(),
                () -> transaction.execute(status -> {
                    SubmittedDossier s =
                            submission.submit(dossier.toNewDossier(Channel.DESK, multipart, clerk.getName()));
                    deliveries.record(s.dossier().id(), dossier.resultDelivery());
                    return s;
                }));
        Dossier d = submitted.dossier();
        return ResponseEntity.created(URI.create("/api/public/dossiers/" + d.code()))
                .body(new DeskReceipt(
                        d.code(), d.publicStatus().code(), d.publicStatus().nameVi(), submitted.lookupKey()));
    }

    @PostMapping("/{code}/stop")
    @Operation(
            summary = "Stop processing a dossier",
            description = "A desk clerk of the receiving agency or a leader of the competent agency (403 otherwise). "
                    + "The reason is shown to the citizen. 409 when the dossier has ended.")
    DossierState stop(@PathVariable String code, @Valid @RequestBody StopRequest request, Principal clerk) {
        access.require(
                clerk,
                code,
                Map.of(
                        AgencySide.RECEIVING,
                        Set.of(StaffRole.DESK_CLERK),
                        AgencySide.COMPETENT,
                        Set.of(StaffRole.LEADER)));
        Dossier d = actor.as(clerk.getName(), () -> requests.stop(code, request.reason()));
        return new DossierState(
                d.code(), d.publicStatus().code(), d.publicStatus().nameVi());
    }

    @PostMapping(path = "/{code}/result", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Attach the result files",
            description = "A specialist or leader of the competent agency, or a desk clerk of the return desk (403 "
                    + "otherwise); the dossier's timeline records who. "
                    + "Any multipart file parts; stored as document code ket-qua. The citizen downloads them "
                    + "with the lookup key (full-online service) or receives them at the desk. 409 unless the "
                    + "dossier is processing or processed.")
    DossierState attachResult(@PathVariable String code, MultipartHttpServletRequest multipart, Principal staff) {
        access.require(staff, code, RESULT_ATTACHERS);
        Dossier d = requests.attachResult(code, SubmissionRequest.files(multipart), staff.getName());
        return new DossierState(
                d.code(), d.publicStatus().code(), d.publicStatus().nameVi());
    }

    record DeskReceipt(String code, int status, String statusName, String lookupKey) {}

    record StopRequest(@NotBlank @Size(max = 2000) String reason) {}

    /** Where a dossier stands after a staff action. */
    record DossierState(String code, int status, String statusName) {}
}
