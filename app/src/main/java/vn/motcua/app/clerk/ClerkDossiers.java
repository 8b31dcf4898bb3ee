package vn.motcua.app.clerk;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.motcua.app.agency.StaffDirectory;
import vn.motcua.app.citizen.ResultDeliveries;
import vn.motcua.app.security.DossierAccess;
import vn.motcua.app.web.SubmissionRequest.ResultDelivery;
import vn.motcua.deadline.DeadlineRepository;
import vn.motcua.dossier.AgencyNames;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.StoredDocument;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.procedure.ProcedureCatalog;

/**
 * The dossier beside a task: what staff of one of the dossier's agencies (receiving, competent or return) may read.
 * Anyone else gets 404, the answer for a code that does not exist, so other agencies' codes cannot be probed.
 */
@Component
class ClerkDossiers {

    private final DossierRepository dossiers;
    private final DeadlineRepository deadlines;
    private final StaffDirectory staff;
    private final ProcedureCatalog catalog;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final List<DossierSection> sections;
    private final ResultDeliveries deliveries;
    private final DossierAccess access;

    ClerkDossiers(
            DossierRepository dossiers,
            DeadlineRepository deadlines,
            StaffDirectory staff,
            ProcedureCatalog catalog,
            RuntimeService runtime,
            RepositoryService repository,
            List<DossierSection> sections,
            ResultDeliveries deliveries,
            DossierAccess access) {
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.staff = staff;
        this.catalog = catalog;
        this.runtime = runtime;
        this.repository = repository;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(DossierSection::order))
                .toList();
        this.deliveries = deliveries;
        this.access = access;
    }

    ClerkDossierView view(Principal user, String code) {
        Dossier d = readable(user, code);
        var procedure = catalog.latest(d.procedureKey()).map(p -> p.descriptor());
        List<ClerkDossierView.Section> extra = sections.stream()
                .map(s -> new ClerkDossierView.Section(s.titleVi(), s.titleEn(), s.lines(d, user)))
                .filter(s -> !s.lines().isEmpty())
                .toList();
        return new ClerkDossierView(
                d,
                procedure.map(p -> p.name().vi()).orElse(d.procedureKey()),
                procedure.map(p -> p.name().en()).orElse(d.procedureKey()),
                dossiers.agencyNames(d.id()),
                deadlines.deadline(d.id()).orElse(null),
                deadlines.pauses(d.id()),
                dossiers.documents(d.id()),
                dossiers.events(d.id()),
                extra,
                activeSteps(d),
                deliveries.of(d.id()).orElse(null),
                access.may(user, d, ClerkDossierController.RESULT_ATTACHERS));
    }

    /** One of the dossier's files, to preview. */
    DocumentFile document(Principal user, String code, long documentId) {
        Dossier d = readable(user, code);
        return dossiers.documentContent(d.id(), documentId).orElseThrow(() -> new UnknownDossierException(code));
    }

    /** The BPMN XML of the version the dossier runs on, for the diagram. */
    String diagram(Principal user, String code) {
        Dossier d = readable(user, code);
        ProcessInstance instance = instance(d);
        if (instance == null) {
            throw new UnknownDossierException(code);
        }
        try (var in = repository.getProcessModel(instance.getProcessDefinitionId())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Step> activeSteps(Dossier d) {
        ProcessInstance instance = instance(d);
        if (instance == null) {
            return List.of();
        }
        var model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        return runtime.getActiveActivityIds(instance.getId()).stream()
                .map(id -> {
                    var element = model.getModelElementById(id);
                    String name = element == null ? null : element.getAttributeValue("name");
                    return new Step(id, name == null ? id : name);
                })
                .toList();
    }

    /** A step the dossier is at: the BPMN element's id (for the diagram) and name (for people). */
    record Step(String id, String name) {}

    /** Read as the application: staff hold no READ on process instances (ADR 0007); the agency was checked. */
    private ProcessInstance instance(Dossier d) {
        if (d.processInstanceId() == null) {
            return null;
        }
        return runtime.createProcessInstanceQuery()
                .processInstanceId(d.processInstanceId())
                .singleResult();
    }

    private Dossier readable(Principal user, String code) {
        Dossier d = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        Set<String> mine = Set.copyOf(staff.agenciesOf(user.getName()));
        if (!mine.contains(d.receivingAgencyCode())
                && !mine.contains(d.competentAgencyCode())
                && !(d.returnAgencyCode() != null && mine.contains(d.returnAgencyCode()))) {
            throw new UnknownDossierException(code); // as for a code that does not exist: nothing to probe
        }
        return d;
    }

    /** Everything the clerk's dossier view shows. */
    record ClerkDossierView(
            Dossier dossier,
            String procedureNameVi,
            String procedureNameEn,
            AgencyNames agencies,
            DeadlineRepository.Deadline deadline,
            List<DeadlineRepository.Pause> pauses,
            List<StoredDocument> documents,
            List<DossierEvent> events,
            List<Section> sections,
            List<Step> activeSteps,
            ResultDelivery resultDelivery,
            boolean mayAttachResult) {

        public String activeStepIds() {
            return String.join(",", activeSteps.stream().map(Step::id).toList());
        }

        record Section(String titleVi, String titleEn, List<DossierSection.Line> lines) {}
    }
}
