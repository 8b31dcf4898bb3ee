package vn.motcua.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.document.OfficialDocuments;
import vn.motcua.document.QrContent;
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
import vn.motcua.procedure.ProcedureCatalog;

/**
 * "Lập kết quả điện tử": after the leader approved, fills the procedure's result template with the dossier's data
 * and lays it out through {@link OfficialDocuments} (PDF/A-2b, the QR code of Thông tư 01/2023/TT-VPCP at the top
 * left), and stores it as the dossier's result ({@code ket-qua}), unsigned; {@code ${signResult}}, next and
 * asynchronous, signs it. It runs in the leader's own transaction, so it also records who approved (process variable
 * {@value #VAR_APPROVED_BY}), whose personal key signs beside the agency's.
 *
 * <p>Input parameters:
 * <ul>
 *   <li>{@value #IN_DOCUMENT_NAME}: the result's name, for the QR code and the file (e.g. "Trích lục khai sinh");</li>
 *   <li>{@value #IN_TEMPLATE}, optional: the template, a resource of the procedure's deployment, default
 *       {@code <key>/<key>-result.xhtml} (the procedure folder's file, deployed with it);</li>
 *   <li>{@value #IN_VALIDITY}, optional: the result's validity, for the QR code.</li>
 * </ul>
 *
 * <p>What the template sees (docs/designers.md): {@code coQuan} (the competent agency), {@code hoSo.ma},
 * {@code hoSo.ngayNhan}, {@code nguoiNop.hoTen}, {@code .dinhDanh}, {@code .ngaySinh}, {@code .diaChi},
 * {@code ngayCap}, {@code nguoiKy} (the approving leader's user id), and {@code duLieu.<field>}: every process
 * variable (the start form's and the task forms' fields), a choice as the label the form shows, true/false as
 * Có/Không, a date as dd/MM/yyyy.
 */
@Component("produceResult")
public class ProduceResultDelegate implements JavaDelegate {

    public static final String IN_TEMPLATE = "template";
    public static final String IN_DOCUMENT_NAME = "resultName";
    public static final String IN_VALIDITY = "validity";
    /** The user id of the leader who approved: the person whose key signs beside the agency's. */
    public static final String VAR_APPROVED_BY = "resultApprovedBy";

    static final String TEMPLATE_SUFFIX = "-result.xhtml";
    static final String DEFAULT_DOCUMENT_NAME = "Kết quả giải quyết thủ tục hành chính";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DossierRepository dossiers;
    private final OfficialDocuments documents;
    private final ProcedureCatalog catalog;
    private final Digitisation digitisation;
    private final DossierChanges changes;
    private final CurrentActor actor;
    private final Clock clock;

    public ProduceResultDelegate(
            DossierRepository dossiers,
            OfficialDocuments documents,
            ProcedureCatalog catalog,
            Digitisation digitisation,
            DossierChanges changes,
            CurrentActor actor,
            Clock clock) {
        this.dossiers = dossiers;
        this.documents = documents;
        this.catalog = catalog;
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
        String templateName = orDefault(
                DelegateInputs.optional(execution, IN_TEMPLATE),
                dossier.procedureKey() + "/" + dossier.procedureKey() + TEMPLATE_SUFFIX);
        String documentName = orDefault(DelegateInputs.optional(execution, IN_DOCUMENT_NAME), DEFAULT_DOCUMENT_NAME);
        LocalDateTime issuedAt = LocalDateTime.ofInstant(now, VIETNAM);
        String procedureCode = catalog.version(dossier.procedureKey(), dossier.procedureVersion())
                .map(p -> p.descriptor().nationalCode())
                .orElse(null);
        QrContent qr = new QrContent(
                code,
                procedureCode,
                dossier.applicant().identityNumber(),
                documentName,
                documents.issuingSystem(),
                issuedAt,
                null,
                DelegateInputs.optional(execution, IN_VALIDITY));
        byte[] pdf = documents.renderSource(
                templateName, template(execution, templateName), data(execution, dossier, issuedAt), qr);
        String fileName = "ket-qua-" + code + ".pdf";
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
                        documentName + " (" + fileName + ") produced from " + templateName + ", to be signed"));
        changes.changed(code);
    }

    /** The template from the deployment of the running process definition (the procedure's version). */
    private static String template(DelegateExecution execution, String name) {
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        String deploymentId = deploymentId(execution);
        try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ResultTemplateException("No result template " + name + " in the deployment of "
                    + execution.getProcessDefinitionId() + ": put " + name.substring(name.indexOf('/') + 1)
                    + " in the procedure's folder (docs/designers.md)");
        }
    }

    private static String deploymentId(DelegateExecution execution) {
        return execution
                .getProcessEngineServices()
                .getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId())
                .getDeploymentId();
    }

    private Map<String, Object> data(DelegateExecution execution, Dossier dossier, LocalDateTime issuedAt) {
        Map<String, Object> data = new HashMap<>();
        data.put("coQuan", dossiers.agencyNames(dossier.id()).competent());
        Map<String, Object> hoSo = new HashMap<>();
        hoSo.put("ma", dossier.code());
        hoSo.put(
                "ngayNhan",
                dossier.receivedAt() == null ? null : LocalDateTime.ofInstant(dossier.receivedAt(), VIETNAM));
        data.put("hoSo", hoSo);
        Map<String, Object> nguoiNop = new HashMap<>();
        nguoiNop.put("hoTen", dossier.applicant().name());
        nguoiNop.put("dinhDanh", dossier.applicant().identityNumber());
        nguoiNop.put("ngaySinh", dossier.applicant().birthDate());
        nguoiNop.put("diaChi", dossier.applicant().address());
        data.put("nguoiNop", nguoiNop);
        data.put("ngayCap", issuedAt);
        data.put("nguoiKy", execution.getVariable(VAR_APPROVED_BY));
        Map<String, Map<String, String>> labels = optionLabels(execution);
        Map<String, Object> duLieu = new HashMap<>();
        // The process's variables, not this step's own inputs (resultName, template, validity).
        execution.getProcessInstance().getVariables().forEach((name, value) -> {
            Map<String, String> options = labels.get(name);
            duLieu.put(
                    name,
                    value != null && options != null && options.containsKey(String.valueOf(value))
                            ? options.get(String.valueOf(value))
                            : format(value));
        });
        data.put("duLieu", duLieu);
        return data;
    }

    /**
     * The labels of the choice fields of the forms deployed with the procedure (field key, then value to label), so a
     * select's value ({@code nu}) prints as what the citizen chose ({@code Nữ}).
     */
    private static Map<String, Map<String, String>> optionLabels(DelegateExecution execution) {
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        String deploymentId = deploymentId(execution);
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

    static Object format(Object value) {
        if (value instanceof Boolean b) {
            return b ? "Có" : "Không";
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(VIETNAM).format(DATE);
        }
        if (value instanceof LocalDate d) {
            return d.format(DATE);
        }
        if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(s).format(DATE); // the date fields of Camunda Forms
        }
        return value;
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
