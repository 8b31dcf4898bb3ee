package vn.motcua.app.clerk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.motcua.app.web.SubmissionRequest;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRequests;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.DossierSubmission.NewDossier;
import vn.motcua.dossier.DossierSubmission.SubmittedDossier;
import vn.motcua.engine.CurrentActor;

/** What staff do to dossiers outside their task forms: take in a paper dossier at the desk, stop processing. */
@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Clerk dossiers", description = "Tiếp nhận hồ sơ tại Bộ phận Một cửa; dừng xử lý hồ sơ")
class ClerkDossierController {

    private final DossierSubmission submission;
    private final DossierRequests requests;
    private final CurrentActor actor;

    ClerkDossierController(DossierSubmission submission, DossierRequests requests, CurrentActor actor) {
        this.submission = submission;
        this.requests = requests;
        this.actor = actor;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Take in a paper dossier at the desk",
            description = "Same parts as the online submission; the dossier's channel is DESK and the clerk is "
                    + "logged as its submitter. The lookup key is printed on the citizen's receipt.")
    ResponseEntity<DeskReceipt> intake(
            @RequestPart(SubmissionRequest.JSON_PART) SubmissionRequest dossier,
            MultipartHttpServletRequest multipart,
            Principal clerk) {
        SubmittedDossier submitted = actor.as(
                clerk.getName(),
                () -> submission.submit(new NewDossier(
                        dossier.procedureKey(),
                        dossier.applicant(),
                        dossier.agencyCode(),
                        Channel.DESK,
                        dossier.data(),
                        SubmissionRequest.files(multipart),
                        clerk.getName())));
        Dossier d = submitted.dossier();
        return ResponseEntity.created(URI.create("/api/public/dossiers/" + d.code()))
                .body(new DeskReceipt(
                        d.code(), d.publicStatus().code(), d.publicStatus().nameVi(), submitted.lookupKey()));
    }

    @PostMapping("/{code}/stop")
    @Operation(
            summary = "Stop processing a dossier",
            description = "The reason is shown to the citizen. 409 when the dossier has ended.")
    DossierState stop(@PathVariable String code, @Valid @RequestBody StopRequest request, Principal clerk) {
        Dossier d = actor.as(clerk.getName(), () -> requests.stop(code, request.reason()));
        return new DossierState(
                d.code(), d.publicStatus().code(), d.publicStatus().nameVi());
    }

    @PostMapping(path = "/{code}/result", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Attach the result files",
            description = "Any multipart file parts; stored as document code ket-qua. The citizen downloads them "
                    + "with the lookup key (full-online service) or receives them at the desk. 409 unless the "
                    + "dossier is processing or processed.")
    DossierState attachResult(@PathVariable String code, MultipartHttpServletRequest multipart) {
        Dossier d = requests.attachResult(code, SubmissionRequest.files(multipart));
        return new DossierState(
                d.code(), d.publicStatus().code(), d.publicStatus().nameVi());
    }

    record DeskReceipt(String code, int status, String statusName, String lookupKey) {}

    record StopRequest(@NotBlank @Size(max = 2000) String reason) {}

    /** Where a dossier stands after a staff action. */
    record DossierState(String code, int status, String statusName) {}
}
