package vn.motcua.app.procedure;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.motcua.procedure.ProcedureDeployer;

/**
 * Deploys every procedure as soon as the engine is built, before anything can use it, so a broken
 * procedure stops the start-up with a message naming the file.
 */
@Component
class ProcedureDeploymentPlugin extends AbstractProcessEnginePlugin {

    private final ProcedureProperties properties;
    private final ResourcePatternResolver resources;

    ProcedureDeploymentPlugin(ProcedureProperties properties, ResourcePatternResolver resources) {
        this.properties = properties;
        this.resources = resources;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        new ProcedureDeployer(engine.getRepositoryService(), resources)
                .deployAll(properties.location(), properties.formsLocation());
    }
}
