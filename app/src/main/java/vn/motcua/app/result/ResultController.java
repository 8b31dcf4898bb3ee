package vn.motcua.app.result;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.agency.AgencySide;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.security.DossierAccess;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;

/** The signed electronic result (kết quả điện tử), for the citizen and for the staff who hand it over. */
@RestController
@Tag(name = "Results", description = "Tải kết quả điện tử đã ký số")
class ResultController {

    private static final Set<StaffRole> STAFF = Set.of(StaffRole.DESK_CLERK, StaffRole.SPECIALIST, StaffRole.LEADER);

    private final SignedResults results;
    private final DossierAccess access;

    ResultController(SignedResults results, DossierAccess access) {
        this.results = results;
        this.access = access;
    }

    @GetMapping("/api/public/dossiers/{code}/result")
    @Operation(
            summary = "Download the signed result",
            description = "The dossier's electronic result, signed by the approving leader and the agency (PDF). "
                    + "Needs the lookup key in X-Lookup-Key; an unknown code, a missing or wrong key answer 404 "
                    + "alike; 409 result-not-issued while there is no signed result.")
    ResponseEntity<byte[]> forCitizen(
            @PathVariable String code, @RequestHeader(name = "X-Lookup-Key", required = false) String lookupKey) {
        return pdf(results.forOwner(code, lookupKey), false);
    }

    @GetMapping("/api/dossiers/{code}/result")
    @Operation(
            summary = "Download or print the signed result (staff)",
            description = "For the desk clerks, specialists and leaders of the dossier's receiving, competent or "
                    + "return agency (403 otherwise); print=true opens it in the browser to print at the desk. "
                    + "409 result-not-issued while there is no signed result.")
    ResponseEntity<byte[]> forStaff(
            @PathVariable String code,
            @RequestParam(name = "print", defaultValue = "false") boolean print,
            Principal staff) {
        Dossier dossier = access.require(
                staff,
                code,
                Map.of(AgencySide.RETURN, STAFF, AgencySide.RECEIVING, STAFF, AgencySide.COMPETENT, STAFF));
        return pdf(results.of(dossier), print);
    }

    private static ResponseEntity<byte[]> pdf(DocumentFile file, boolean inline) {
        ContentDisposition.Builder disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
