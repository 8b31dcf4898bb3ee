package vn.motcua.app.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.app.web.InvalidParameterException;

/** Administrators only (SecurityConfiguration): rebuild the search index, and say which agencies a staff member belongs to. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Search administration", description = "Dựng lại chỉ mục tìm kiếm; gán cán bộ vào cơ quan")
class SearchAdminController {

    private final SearchReindex reindex;
    private final StaffAgencies staffAgencies;
    private final IdentityService identityService;

    SearchAdminController(SearchReindex reindex, StaffAgencies staffAgencies, IdentityService identityService) {
        this.reindex = reindex;
        this.staffAgencies = staffAgencies;
        this.identityService = identityService;
    }

    @PostMapping("/search/reindex")
    @Operation(
            summary = "Rebuild the dossier index from the database",
            description = "Answers 202 at once with the run; follow it at the Location. Searches keep working on the "
                    + "current index until the new one is complete. 409 while another run is under way.")
    ResponseEntity<ReindexRun> startReindex(Principal admin) {
        ReindexRun run = reindex.start(admin.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/search/reindex/" + run.id()))
                .body(run);
    }

    @GetMapping("/search/reindex/{id}")
    @Operation(summary = "Progress of a reindex run")
    ReindexRun reindexRun(@PathVariable long id) {
        return reindex.get(id).orElseThrow(() -> new UnknownReindexException(id));
    }

    @GetMapping("/search/reindex")
    @Operation(summary = "The latest reindex runs, newest first")
    List<ReindexRun> reindexRuns() {
        return reindex.latest(20);
    }

    @GetMapping("/staff/{userId}/agencies")
    @Operation(summary = "The agencies a staff member belongs to (whose dossiers they find)")
    List<String> agencies(@PathVariable String userId) {
        return staffAgencies.of(userId);
    }

    @PutMapping("/staff/{userId}/agencies")
    @Operation(
            summary = "Set the agencies a staff member belongs to",
            description =
                    "Body: a JSON array of agency codes, replacing the present ones. 400 for an unknown user or agency.")
    List<String> setAgencies(@PathVariable String userId, @RequestBody List<String> agencyCodes) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw new InvalidParameterException("userId", "No user " + userId + " in the identity service.");
        }
        List<String> codes = agencyCodes.stream()
                .filter(c -> c != null && !c.isBlank())
                .map(String::trim)
                .distinct()
                .toList();
        List<String> unknown = staffAgencies.unknownAgencies(codes);
        if (!unknown.isEmpty()) {
            throw new InvalidParameterException("agencyCodes", "Unknown agencies: " + unknown);
        }
        staffAgencies.replace(userId, codes);
        return staffAgencies.of(userId);
    }
}
