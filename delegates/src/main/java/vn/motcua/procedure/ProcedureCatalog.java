package vn.motcua.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * The procedures the engine knows, each with the {@code procedure.yaml} of its version. Reads the
 * engine's repository, so every node of a cluster sees the same catalogue.
 */
@Service
public class ProcedureCatalog {

    private final RepositoryService repositoryService;
    /** Deployed resources never change, so a descriptor is cached by the deployment it came with. */
    private final Map<String, Optional<ProcedureDescriptor>> descriptorsByDeployment = new ConcurrentHashMap<>();
    /** Versions read by {@link #version}, by "key:version"; a deployed version does not change either. */
    private final Map<String, DeployedProcedure> versions = new ConcurrentHashMap<>();

    public ProcedureCatalog(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The latest version of every procedure, by key. */
    public List<DeployedProcedure> latest() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(this::withDescriptor)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(DeployedProcedure::key))
                .toList();
    }

    public Optional<DeployedProcedure> latest(String key) {
        return Optional.ofNullable(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(key)
                        .latestVersion()
                        .singleResult())
                .flatMap(this::withDescriptor);
    }

    /**
     * One version of a procedure, as a dossier of it was started: asked for at each status change, so
     * it is read from the engine once and then kept.
     */
    public Optional<DeployedProcedure> version(String key, int version) {
        String id = key + ":" + version;
        DeployedProcedure known = versions.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<DeployedProcedure> found = Optional.ofNullable(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(key)
                        .processDefinitionVersion(version)
                        .singleResult())
                .flatMap(this::withDescriptor);
        found.ifPresent(procedure -> versions.put(id, procedure));
        return found;
    }

    private Optional<DeployedProcedure> withDescriptor(ProcessDefinition definition) {
        return descriptorsByDeployment
                .computeIfAbsent(definition.getDeploymentId(), id -> readDescriptor(id, definition.getKey()))
                .map(descriptor -> new DeployedProcedure(
                        descriptor, definition.getId(), definition.getVersion(), definition.getDeploymentId()));
    }

    private Optional<ProcedureDescriptor> readDescriptor(String deploymentId, String key) {
        String name = key + "/" + ProcedureDeployer.DESCRIPTOR_FILE;
        boolean present =
                repositoryService.getDeploymentResourceNames(deploymentId).contains(name);
        if (!present) {
            return Optional.empty(); // a process deployed by hand, not a procedure
        }
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
            return Optional.of(ProcedureDescriptorReader.read(key, in, "deployment " + deploymentId + ": " + name));
        } catch (IOException e) {
            throw new ProcedureDefinitionException("Cannot read " + name + " of deployment " + deploymentId, e);
        }
    }

    /** A procedure version as deployed: its description plus the engine's identifiers. */
    public record DeployedProcedure(
            ProcedureDescriptor descriptor, String processDefinitionId, int version, String deploymentId) {

        public String key() {
            return descriptor.key();
        }
    }
}
