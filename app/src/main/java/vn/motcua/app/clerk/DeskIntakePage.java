package vn.motcua.app.clerk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.agency.StaffDirectory;
import vn.motcua.app.security.CamundaUser;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ProcedureCatalog.DeployedProcedure;

/**
 * Desk intake of a paper dossier ({@code /can-bo/tiep-nhan}): the clerk picks the procedure, types the applicant's
 * details, fills the procedure's start form (the same Camunda Form as online, form-js) and attaches the scans, each
 * marked as scanned from paper (digitisation at receipt, Nghị định 107/2021/NĐ-CP). The page's script sends it all
 * to the desk submission API ({@code POST /api/dossiers}), which checks that the clerk is a desk clerk of the chosen
 * agency, and then shows the dossier code, the lookup key to hand over, and the receipt slip when the slips feature
 * provides one ({@link DossierSection}).
 */
@Controller
class DeskIntakePage {

    private final ProcedureCatalog catalog;
    private final StaffDirectory staff;
    private final FormService forms;

    DeskIntakePage(ProcedureCatalog catalog, StaffDirectory staff, FormService forms) {
        this.catalog = catalog;
        this.staff = staff;
        this.forms = forms;
    }

    @GetMapping("/can-bo/tiep-nhan")
    String intake(
            @AuthenticationPrincipal CamundaUser user,
            @RequestParam(name = "thu-tuc", required = false) String procedureKey,
            Model model) {
        model.addAttribute("user", user);
        model.addAttribute(
                "procedures",
                catalog.latest().stream()
                        .sorted(java.util.Comparator.comparing(
                                p -> p.descriptor().name().vi()))
                        .toList());
        List<String> desks = staff.membershipsOf(user.id()).stream()
                .filter(m -> m.roles().contains(StaffRole.DESK_CLERK))
                .map(StaffDirectory.Membership::agencyCode)
                .toList();
        model.addAttribute("desks", desks);
        if (procedureKey != null && !procedureKey.isBlank()) {
            DeployedProcedure procedure =
                    catalog.latest(procedureKey).orElseThrow(() -> new UnknownDossierException(procedureKey));
            model.addAttribute("procedure", procedure);
        }
        return "can-bo/tiep-nhan";
    }

    /** The procedure's start form as its latest version deployed it (form-js JSON). */
    @GetMapping(path = "/can-bo/tiep-nhan/{key}/bieu-mau", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> startForm(@PathVariable String key) throws IOException {
        DeployedProcedure procedure = catalog.latest(key).orElseThrow(() -> new UnknownDossierException(key));
        try (InputStream in = forms.getDeployedStartForm(procedure.processDefinitionId())) {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noCache())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"schema\": " + new String(in.readAllBytes(), StandardCharsets.UTF_8) + ", \"data\": {}}");
        }
    }
}
