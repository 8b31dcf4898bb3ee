package vn.motcua.app.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.agency.Agency;

/** Administrators keep the agencies (docs/agencies.md); {@code /api/admin/**} is theirs only. */
@RestController
@RequestMapping("/api/admin/agencies")
@Tag(name = "Agencies", description = "Cơ quan, đơn vị: thêm, sửa, sáp nhập, ngừng hoạt động")
class AgencyAdminController {

    private final AgencyDirectory directory;

    AgencyAdminController(AgencyDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "Every agency, active or not, provinces first")
    List<Agency> list() {
        return directory.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One agency")
    Agency get(@PathVariable String code) {
        return directory.find(code).orElseThrow(() -> new UnknownAgencyException(code));
    }

    @PostMapping
    @Operation(
            summary = "Create an agency",
            description = "201 with the agency; 409 when the code exists; 400 naming what is wrong (code format "
                    + "V1V2V3.Z1Z2.Y1Y2.MX1X2, name, level, an unknown parent or successor).")
    ResponseEntity<Agency> create(@RequestBody AgencyDefinition definition) {
        if (definition.code() != null && directory.find(definition.code()).isPresent()) {
            throw new AgencyExistsException(definition.code());
        }
        Agency created = directory.saveAll(List.of(definition)).get(0);
        return ResponseEntity.created(URI.create("/api/admin/agencies/" + created.code()))
                .body(created);
    }

    @PutMapping("/{code}")
    @Operation(
            summary = "Change an agency (rename, move, open or close its desk)",
            description = "Every field is replaced. Dossiers received before a rename keep showing the old name.")
    Agency update(@PathVariable String code, @RequestBody AgencyDefinition definition) {
        if (definition.code() != null && !definition.code().equals(code)) {
            throw new AgencyDefinitionException("code cannot change (" + code + " → " + definition.code()
                    + "); create the new agency and deactivate this one, merged into it");
        }
        directory.find(code).orElseThrow(() -> new UnknownAgencyException(code));
        return directory
                .saveAll(List.of(new AgencyDefinition(
                        code,
                        definition.name(),
                        definition.level(),
                        definition.parent(),
                        definition.hasDesk(),
                        definition.activeFrom(),
                        definition.activeTo(),
                        definition.mergedInto())))
                .get(0);
    }

    /** @param lastDay its last day (today when left out) @param mergedInto the agency that takes its work over */
    record Deactivation(LocalDate lastDay, String mergedInto) {}

    @PostMapping("/{code}/deactivate")
    @Operation(
            summary = "End an agency: a merger or a dissolution",
            description = "From the day after lastDay it receives no dossier; submissions naming it are told the "
                    + "agency it was merged into. Its dossiers, their codes and names stay.")
    Agency deactivate(@PathVariable String code, @RequestBody(required = false) Deactivation deactivation) {
        return directory.deactivate(
                code,
                deactivation == null ? null : deactivation.lastDay(),
                deactivation == null ? null : deactivation.mergedInto());
    }

    @DeleteMapping("/{code}")
    @Operation(
            summary = "Delete an agency entered by mistake",
            description = "204; 409 when any dossier names it (deactivate it instead).")
    ResponseEntity<Void> delete(@PathVariable String code) {
        directory.delete(code);
        return ResponseEntity.noContent().build();
    }
}
