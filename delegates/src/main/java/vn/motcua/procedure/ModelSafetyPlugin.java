package vn.motcua.procedure;

import java.util.ArrayList;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.springframework.stereotype.Component;

/**
 * Makes the engine itself refuse models that could run code, whatever path a deployment takes (the
 * procedure deployer, the Java API, Cockpit or a REST client if one were let through): every new deployment's
 * resources are checked by {@link ModelSafety} before anything is stored, and the engine has no script
 * engine at all, so a script that got in some other way fails instead of running.
 */
@Component
public class ModelSafetyPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, ModelSafetyPlugin::check);
        configuration.setCustomPreDeployers(preDeployers);
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setEnableScriptEngineLoadExternalResources(false);
        configuration.setConfigureScriptEngineHostAccess(false);
        configuration.setEnableScriptCompilation(false);
        configuration.setAutoStoreScriptVariables(false);
        // Expressions stored in Tasklist filters (and ad hoc in queries) are evaluated unchecked: refuse them.
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
    }

    /** Refuses a new deployment with an unsafe resource; deployments already stored are not re-checked. */
    static void check(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            ModelSafety.problems(resource.getName(), resource.getBytes()).stream()
                    .map(p -> resource.getName() + ": " + p)
                    .forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ProcessEngineException(
                    "Deployment refused (models may not run code; docs/security.md): " + String.join("; ", problems));
        }
    }

    /** No scripting language at all, not even JUEL as a script: every script fails with "no engine". */
    static final class NoScriptEngines implements ScriptEngineResolver {

        private final ScriptEngineManager empty = new ScriptEngineManager(null);

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // refused: the engine runs no scripts
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return empty;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            return null;
        }
    }
}
