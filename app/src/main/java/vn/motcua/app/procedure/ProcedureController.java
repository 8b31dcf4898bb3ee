package vn.motcua.app.procedure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.agency.AgencyLevel;
import vn.motcua.calendar.TimeLimitKind;
import vn.motcua.fee.UnknownProcedureException;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ProcedureCatalog.DeployedProcedure;
import vn.motcua.procedure.ProcedureDescriptor;
import vn.motcua.procedure.ProcedureDescriptor.CompetentAgency;
import vn.motcua.procedure.ProcedureDescriptor.LegalBasis;
import vn.motcua.procedure.ProcedureDescriptor.LocalizedText;
import vn.motcua.procedure.ProcedureDescriptor.RequiredDocument;
import vn.motcua.procedure.ProcedureDescriptor.TimeLimit;
import vn.motcua.procedure.ProcedureDescriptor.Unconfirmed;
import vn.motcua.procedure.ServiceLevel;

@RestController
@RequestMapping("/api/public/procedures")
@Tag(name = "Procedures", description = "Thủ tục hành chính: the public catalogue")
class ProcedureController {

    private final ProcedureCatalog catalog;
    private final FormService formService;

    ProcedureController(ProcedureCatalog catalog, FormService formService) {
        this.catalog = catalog;
        this.formService = formService;
    }

    @GetMapping
    @Operation(summary = "The latest version of every procedure")
    List<ProcedureView> list() {
        return catalog.latest().stream().map(ProcedureView::of).toList();
    }

    /**
     * The start form (Camunda Forms JSON) of the procedure's latest version, exactly as deployed with it: what the
     * online submission page renders with the form-js viewer, and what a submission's {@code data} is checked
     * against.
     */
    @GetMapping(path = "/{key}/start-form", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The start form of the procedure's latest version (Camunda Forms JSON)",
            description = "An unknown procedure: 404.")
    ResponseEntity<byte[]> startForm(@PathVariable String key) throws IOException {
        DeployedProcedure procedure = catalog.latest(key).orElseThrow(() -> new UnknownProcedureException(key));
        try (InputStream form = formService.getDeployedStartForm(procedure.processDefinitionId())) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    // a deployed version never changes; the latest may, so a short public cache
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                    .body(form.readAllBytes());
        }
    }

    /**
     * A procedure as the public sees it. {@code name} is the Vietnamese name; {@code names} has both languages.
     * {@code timeLimit} says days and kind (working days or days); {@code timeLimitWorkingDays} is kept for older
     * clients and is null when the limit is not in working days. {@code serviceLevelName} is the level's legal
     * name (Nghị định 42/2022/NĐ-CP) in Vietnamese and English.
     */
    record ProcedureView(
            String key,
            String nationalCode,
            String name,
            LocalizedText names,
            String field,
            int version,
            TimeLimit timeLimit,
            String timeLimitText,
            Integer timeLimitWorkingDays,
            AgencyLevel agencyLevel,
            CompetentAgency competentAgency,
            boolean receivingAnywhere,
            ServiceLevel serviceLevel,
            LocalizedText serviceLevelName,
            List<RequiredDocument> requiredDocuments,
            List<LegalBasis> legalBasis,
            List<Unconfirmed> unconfirmed) {

        static ProcedureView of(DeployedProcedure p) {
            ProcedureDescriptor d = p.descriptor();
            return new ProcedureView(
                    d.key(),
                    d.nationalCode(),
                    d.name().vi(),
                    d.name(),
                    d.field(),
                    p.version(),
                    d.timeLimit(),
                    d.timeLimit().describeVi(),
                    d.timeLimit().kind() == TimeLimitKind.WORKING
                            ? d.timeLimit().days()
                            : null,
                    d.agencyLevel(),
                    d.competentAgency(),
                    d.receivingAnywhere(),
                    d.serviceLevel(),
                    new LocalizedText(
                            d.serviceLevel().nameVi(), d.serviceLevel().nameEn()),
                    d.requiredDocuments(),
                    d.legalBasis(),
                    d.unconfirmed());
        }
    }
}
