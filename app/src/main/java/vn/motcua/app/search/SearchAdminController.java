package vn.motcua.app.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators only (SecurityConfiguration): rebuild the search index, and say which agencies a staff member belongs to. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Search administration", description = "Dựng lại chỉ mục tìm kiếm")
class SearchAdminController {

    private final SearchReindex reindex;

    SearchAdminController(SearchReindex reindex) {
        this.reindex = reindex;
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
}
