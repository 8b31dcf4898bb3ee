package vn.motcua.app.procedure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.agency.AgencyLevel;
import vn.motcua.calendar.TimeLimitKind;
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

    ProcedureController(ProcedureCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "The latest version of every procedure")
    List<ProcedureView> list() {
        return catalog.latest().stream().map(ProcedureView::of).toList();
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
