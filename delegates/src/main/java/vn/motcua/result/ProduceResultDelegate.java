package vn.motcua.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Digitisation;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierChanges;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.DossierRequests;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.CurrentActor;
import vn.motcua.engine.DelegateInputs;

/**
 * "Lập kết quả điện tử": after the leader approved, lays out the procedure's result template with the dossier's data
 * as a PDF/A-2b and stores it as the dossier's result ({@code ket-qua}), unsigned; {@code ${signResult}}, next and
 * asynchronous, signs it. It runs in the leader's own transaction, so it also records who approved (process variable
 * {@value #VAR_APPROVED_BY}), whose personal key signs beside the agency's.
 *
 * <p>Input parameters, optional:
 * <ul>
 *   <li>{@value #IN_TEMPLATE}: the template, a resource of the procedure's deployment, default
 *       {@code <key>/<key>-result.xhtml};</li>
 *   <li>{@value #IN_FILE_NAME}: the result's file name, may hold {@code ${dossier.code}}, default
 *       {@code ket-qua-<dossier code>.pdf};</li>
 *   <li>{@value #IN_TITLE}: the PDF's title.</li>
 * </ul>
 *
 * <p>The template's {@code ${name}}: {@code dossier.code}, {@code dossier.receivedDate}, {@code applicant.name},
 * {@code applicant.identityNumber}, {@code applicant.birthDate}, {@code applicant.address}, {@code agency.name},
 * {@code agency.code}, {@code issue.date}, {@code issue.day}, {@code issue.month}, {@code issue.year},
 * {@code issue.time}, {@code approvedBy}; any other name is the process variable of that name (the start form's and
 * the task forms' fields), dates as dd/MM/yyyy, true/false as Có/Không. A name without a value prints as a dotted
 * blank, as on a paper form.
 */
@Component("produceResult")
public class ProduceResultDelegate implements JavaDelegate {

    public static final String IN_TEMPLATE = "template";
    public static final String IN_FILE_NAME = "fileName";
    public static final String IN_TITLE = "title";
    /** The user id of the leader who approved: the person whose key signs beside the agency's. */
    public static final String VAR_APPROVED_BY = "resultApprovedBy";

    static final String TEMPLATE_SUFFIX = "-result.xhtml";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DossierRepository dossiers;
    private final ResultRenderer renderer;
    private final Digitisation digitisation;
    private final DossierChanges changes;
    private final CurrentActor actor;
    private final Clock clock;

    public ProduceResultDelegate(
            DossierRepository dossiers,
            ResultRenderer renderer,
            Digitisation digitisation,
            DossierChanges changes,
            CurrentActor actor,
            Clock clock) {
        this.dossiers = dossiers;
        this.renderer = renderer;
        this.digitisation = digitisation;
        this.changes = changes;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        Dossier dossier = dossiers.findByCodeForUpdate(code).orElseThrow(() -> new UnknownDossierException(code));
        Instant now = clock.instant();
        String approvedBy = actor.userId();
        if (!CurrentActor.SYSTEM.equals(approvedBy)) {
            execution.setVariable(VAR_APPROVED_BY, approvedBy);
        }
        Function<String, String> values = values(execution, dossier, now, optionLabels(execution));
        String templateName = DelegateInputs.optional(execution, IN_TEMPLATE);
        if (templateName == null || templateName.isBlank()) {
            templateName = dossier.procedureKey() + "/" + dossier.procedureKey() + TEMPLATE_SUFFIX;
        }
        byte[] template = template(execution, templateName);
        String title = orDefault(DelegateInputs.optional(execution, IN_TITLE), "Kết quả giải quyết thủ tục hành chính");
        String fileName = ResultRenderer.fill(
                orDefault(DelegateInputs.optional(execution, IN_FILE_NAME), "ket-qua-${dossier.code}.pdf"), values);
        byte[] pdf = renderer.render(template, values, ResultRenderer.fill(title, values), now);
        dossiers.insertDocument(
                dossier.id(),
                new DocumentFile(DossierRequests.RESULT_DOCUMENT, fileName, "application/pdf", pdf),
                0,
                now);
        digitisation.recordResult(dossier.id(), actor.userId(), now);
        dossiers.appendEvent(
                dossier.id(),
                new DossierEvent(
                        now,
                        actor.userId(),
                        dossier.publicStatus(),
                        "result-produced",
                        null,
                        "Electronic result " + fileName + " produced from " + templateName + ", to be signed"));
        changes.changed(code);
    }

    /** The template from the deployment of the running process definition (the procedure's version). */
    private static byte[] template(DelegateExecution execution, String name) {
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        String deploymentId = repository
                .getProcessDefinition(execution.getProcessDefinitionId())
                .getDeploymentId();
        try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new ResultTemplateException("No result template " + name + " in the deployment of "
                    + execution.getProcessDefinitionId() + ": put it in the procedure's folder (docs/designers.md)");
        }
    }

    /**
     * The labels of the choice fields of the forms deployed with the procedure (field key, then value to label), so a
     * select's value ({@code nu}) prints as what the citizen chose ({@code Nữ}).
     */
    private static Map<String, Map<String, String>> optionLabels(DelegateExecution execution) {
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        String deploymentId = repository
                .getProcessDefinition(execution.getProcessDefinitionId())
                .getDeploymentId();
        Map<String, Map<String, String>> labels = new HashMap<>();
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (!name.endsWith(".form")) {
                continue;
            }
            try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                collectOptions(JSON.readTree(in), labels);
            } catch (IOException e) {
                throw new ResultTemplateException("Cannot read the form " + name + ": " + e.getMessage(), e);
            }
        }
        return labels;
    }

    private static void collectOptions(JsonNode node, Map<String, Map<String, String>> labels) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key") && component.path("values").isArray()) {
                Map<String, String> options =
                        labels.computeIfAbsent(component.get("key").asText(), k -> new HashMap<>());
                for (JsonNode option : component.get("values")) {
                    options.putIfAbsent(
                            option.path("value").asText(), option.path("label").asText());
                }
            }
            collectOptions(component, labels);
        }
    }

    private Function<String, String> values(
            DelegateExecution execution, Dossier dossier, Instant now, Map<String, Map<String, String>> labels) {
        ZonedDateTime issued = now.atZone(VIETNAM);
        Map<String, String> builtIn = new HashMap<>();
        builtIn.put("dossier.code", dossier.code());
        builtIn.put("dossier.receivedDate", format(dossier.receivedAt()));
        builtIn.put("applicant.name", dossier.applicant().name());
        builtIn.put("applicant.identityNumber", dossier.applicant().identityNumber());
        builtIn.put("applicant.birthDate", format(dossier.applicant().birthDate()));
        builtIn.put("applicant.address", dossier.applicant().address());
        builtIn.put("agency.code", dossier.competentAgencyCode());
        builtIn.put("agency.name", dossiers.agencyNames(dossier.id()).competent());
        builtIn.put("issue.date", issued.format(DATE));
        builtIn.put("issue.day", String.format("%02d", issued.getDayOfMonth()));
        builtIn.put("issue.month", String.format("%02d", issued.getMonthValue()));
        builtIn.put("issue.year", String.valueOf(issued.getYear()));
        builtIn.put("issue.time", issued.format(TIME));
        builtIn.put("approvedBy", (String) execution.getVariable(VAR_APPROVED_BY));
        return name -> {
            if (builtIn.containsKey(name)) {
                return builtIn.get(name);
            }
            Object value = execution.getVariable(name);
            Map<String, String> options = labels.get(name);
            if (value != null && options != null && options.containsKey(String.valueOf(value))) {
                return options.get(String.valueOf(value));
            }
            return format(value);
        };
    }

    static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? "Có" : "Không";
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(VIETNAM).format(DATE);
        }
        if (value instanceof Instant i) {
            return i.atZone(VIETNAM).format(DATE);
        }
        if (value instanceof LocalDate d) {
            return d.format(DATE);
        }
        if (value instanceof LocalDateTime d) {
            return d.format(DATE);
        }
        if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(s).format(DATE); // the date fields of Camunda Forms
        }
        return String.valueOf(value);
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
