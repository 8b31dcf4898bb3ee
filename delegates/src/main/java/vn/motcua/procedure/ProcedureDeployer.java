package vn.motcua.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import vn.motcua.agency.TaskRouting;

/**
 * Deploys every procedure folder as one Camunda deployment: its BPMN, its {@code procedure.yaml}, the forms its
 * BPMN refers to, a fee DMN and an electronic result template ({@code <key>-result.xhtml}) if the folder has them. Duplicate filtering keeps an unchanged
 * procedure from being redeployed; a change to any of its files makes a new version of all of them.
 */
public class ProcedureDeployer {

    /** Marks deployments made from procedure folders, as opposed to ones made by hand in Cockpit. */
    public static final String DEPLOYMENT_SOURCE = "motcua-procedures";

    public static final String DESCRIPTOR_FILE = "procedure.yaml";

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Logger log = LoggerFactory.getLogger(ProcedureDeployer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService repositoryService;
    private final ResourcePatternResolver resources;

    public ProcedureDeployer(RepositoryService repositoryService, ResourcePatternResolver resources) {
        this.repositoryService = repositoryService;
        this.resources = resources;
    }

    /**
     * @param proceduresLocation a folder of procedure folders, e.g. {@code classpath*:procedures} or {@code file:/srv/motcua/processes}
     * @param formsLocation      a folder of {@code .form} files, e.g. {@code classpath*:forms}
     * @throws ProcedureDefinitionException naming the file, when a procedure is broken; nothing of it is deployed
     */
    public List<DeployedVersion> deployAll(String proceduresLocation, String formsLocation) {
        Map<String, Form> forms = readForms(formsLocation);
        Map<String, ProcedureFolder> folders = readProcedures(proceduresLocation, forms);
        if (folders.isEmpty()) {
            throw new ProcedureDefinitionException("No procedure found under " + proceduresLocation
                    + " (each procedure is a folder with <key>.bpmn and procedure.yaml)");
        }
        List<DeployedVersion> deployed = new ArrayList<>();
        for (ProcedureFolder folder : folders.values()) {
            deployed.add(deploy(folder));
        }
        return deployed;
    }

    private DeployedVersion deploy(ProcedureFolder folder) {
        Deployment previous = repositoryService
                .createDeploymentQuery()
                .deploymentName(folder.key())
                .deploymentSource(DEPLOYMENT_SOURCE)
                .orderByDeploymentTime()
                .desc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .orElse(null);
        DeploymentBuilder builder = repositoryService
                .createDeployment()
                .name(folder.key())
                .source(DEPLOYMENT_SOURCE)
                .enableDuplicateFiltering(false);
        folder.files().forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        Deployment deployment;
        try {
            deployment = builder.deploy();
        } catch (ProcessEngineException e) {
            throw new ProcedureDefinitionException(
                    "The engine rejected procedure " + folder.key() + " ("
                            + String.join(", ", folder.files().keySet()) + "): " + e.getMessage(),
                    e);
        }
        boolean changed = previous == null || !previous.getId().equals(deployment.getId());
        int version = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(folder.key())
                .latestVersion()
                .singleResult()
                .getVersion();
        log.info(
                "Procedure {} {} (version {}, deployment {})",
                folder.key(),
                changed ? "deployed" : "unchanged",
                version,
                deployment.getId());
        return new DeployedVersion(folder.key(), version, deployment.getId(), changed);
    }

    private Map<String, ProcedureFolder> readProcedures(String location, Map<String, Form> forms) {
        Map<String, ProcedureFolder> folders = new TreeMap<>();
        for (Resource yaml : find(location + "/*/" + DESCRIPTOR_FILE)) {
            String key = folderName(yaml);
            if (folders.containsKey(key)) {
                continue; // the first location on the classpath wins, as for any classpath resource
            }
            folders.put(key, readProcedure(key, yaml, forms));
        }
        return folders;
    }

    private ProcedureFolder readProcedure(String key, Resource yaml, Map<String, Form> forms) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] descriptor = bytes(yaml);
        ProcedureDescriptorReader.read(key, new ByteArrayInputStream(descriptor), describe(yaml));
        files.put(key + "/" + DESCRIPTOR_FILE, descriptor);

        Resource bpmnResource = relative(yaml, key + ".bpmn");
        if (!bpmnResource.exists()) {
            throw new ProcedureDefinitionException(describe(yaml) + ": the folder has no " + key + ".bpmn");
        }
        byte[] bpmn = bytes(bpmnResource);
        BpmnModelInstance model = parseBpmn(bpmn, describe(bpmnResource));
        checkProcessId(model, key, describe(bpmnResource));
        List<String> routing = TaskRouting.problems(model);
        if (!routing.isEmpty()) {
            throw new ProcedureDefinitionException(describe(bpmnResource) + ": " + String.join("; ", routing));
        }
        checkSafety(bpmnResource, bpmn);
        files.put(key + "/" + key + ".bpmn", bpmn);

        for (String formRef : formRefs(model)) {
            Form form = forms.get(formRef);
            if (form == null) {
                throw new ProcedureDefinitionException(describe(bpmnResource) + " refers to form '" + formRef
                        + "', but there is no forms/" + formRef + ".form");
            }
            files.put("forms/" + formRef + ".form", form.bytes());
        }

        Map<String, byte[]> procedureForms = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".form")) {
                procedureForms.put(name, bytes);
            }
        });
        List<String> formText = ModelSafety.formTextProblems(procedureForms);
        if (!formText.isEmpty()) {
            throw new ProcedureDefinitionException(describe(bpmnResource) + "'s forms: " + String.join("; ", formText));
        }

        Resource dmnResource = relative(yaml, key + "-fee.dmn");
        if (dmnResource.exists()) {
            byte[] dmn = bytes(dmnResource);
            try {
                Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
            } catch (ModelException e) {
                throw new ProcedureDefinitionException(
                        describe(dmnResource) + " is not valid DMN: " + e.getMessage(), e);
            }
            checkSafety(dmnResource, dmn);
            files.put(key + "/" + key + "-fee.dmn", dmn);
        }
        // The electronic result's template (docs/designers.md), deployed with the version that uses it.
        Resource resultTemplate = relative(yaml, key + "-result.xhtml");
        if (resultTemplate.exists()) {
            files.put(key + "/" + key + "-result.xhtml", bytes(resultTemplate));
        }
        return new ProcedureFolder(key, files);
    }

    /** Refuses a model that could run code (scripts, classes, expressions beyond variables), naming the file. */
    private static void checkSafety(Resource resource, byte[] content) {
        List<String> problems = ModelSafety.problems(resource.getFilename(), content);
        if (!problems.isEmpty()) {
            throw new ProcedureDefinitionException(describe(resource) + ": " + String.join("; ", problems));
        }
    }

    /** The forms this BPMN refers to, on start events and user tasks. */
    static Set<String> formRefs(BpmnModelInstance model) {
        Set<String> refs = new LinkedHashSet<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String ref = node.getAttributeValueNs(CAMUNDA_NS, "formRef");
            if (ref != null && !ref.isBlank()) {
                refs.add(ref);
            }
        }
        return refs;
    }

    static BpmnModelInstance parseBpmn(byte[] bpmn, String location) {
        try {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        } catch (ModelException e) {
            throw new ProcedureDefinitionException(location + " is not valid BPMN: " + rootMessage(e), e);
        }
    }

    private static void checkProcessId(BpmnModelInstance model, String key, String location) {
        List<String> executable = model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable)
                .map(Process::getId)
                .toList();
        if (!executable.equals(List.of(key))) {
            throw new ProcedureDefinitionException(location + " must hold exactly one executable process with id '"
                    + key + "' (its folder name); found " + executable);
        }
    }

    private Map<String, Form> readForms(String location) {
        Map<String, Form> forms = new TreeMap<>();
        for (Resource resource : find(location + "/*.form")) {
            String file = resource.getFilename();
            String id = file.substring(0, file.length() - ".form".length());
            if (forms.containsKey(id)) {
                continue;
            }
            byte[] bytes = bytes(resource);
            try {
                JsonNode json = JSON.readTree(bytes);
                String declared = json.path("id").asText(null);
                if (!id.equals(declared)) {
                    throw new ProcedureDefinitionException(describe(resource) + ": the form's id is '" + declared
                            + "' but must equal its file name '" + id + "'");
                }
            } catch (IOException e) {
                throw new ProcedureDefinitionException(describe(resource) + " is not valid JSON: " + e.getMessage(), e);
            }
            forms.put(id, new Form(id, bytes));
        }
        return forms;
    }

    private Resource[] find(String pattern) {
        try {
            return resources.getResources(pattern);
        } catch (IOException e) {
            throw new ProcedureDefinitionException("Cannot list " + pattern + ": " + e.getMessage(), e);
        }
    }

    private static Resource relative(Resource resource, String name) {
        try {
            return resource.createRelative(name);
        } catch (IOException e) {
            throw new ProcedureDefinitionException("Cannot open " + name + " beside " + describe(resource), e);
        }
    }

    private static byte[] bytes(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ProcedureDefinitionException("Cannot read " + describe(resource) + ": " + e.getMessage(), e);
        }
    }

    private static String folderName(Resource descriptor) {
        String path = describe(descriptor);
        String parent = path.substring(0, path.lastIndexOf('/'));
        return parent.substring(parent.lastIndexOf('/') + 1);
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? e.getMessage() : e.getMessage() + " (" + t.getMessage() + ")";
    }

    private record Form(String id, byte[] bytes) {}

    private record ProcedureFolder(String key, Map<String, byte[]> files) {}

    /** The outcome for one procedure: its current version and whether this start deployed it. */
    public record DeployedVersion(String key, int version, String deploymentId, boolean changed) {}
}
