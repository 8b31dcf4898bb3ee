package vn.motcua.agency;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Installs {@link TaskRouting} in the engine, so every deployed user task goes to its dossier's agency. */
@Component
public class TaskRoutingPlugin extends AbstractProcessEnginePlugin {

    /** Looked up when a task is created: the engine is configured before the repository can be made. */
    private final ObjectProvider<AgencyRepository> agencies;

    public TaskRoutingPlugin(ObjectProvider<AgencyRepository> agencies) {
        this.agencies = agencies;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new TaskRouting(agencies::getObject));
    }
}
