package vn.motcua.deadline;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task of a dossier carries the dossier's due moment as its Camunda due date (unless its model sets one),
 * so task lists, ours and Camunda Tasklist alike, sort and page by it in the database. A task created before the
 * dossier has a due moment (the receipt) has none; {@link DossierDeadlines} moves the open tasks' due dates with
 * the dossier's whenever that moment is set or moves.
 */
@Component
public class TaskDueDates extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new Listener());
    }

    static final class Listener extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            if (task.getDueDateExpression() == null) {
                task.setDueDateExpression(new DossierDueDate());
            }
        }
    }

    /** The process variable {@value DossierDeadlines#VAR_DUE_DATE}, or none (no due date) before it is set. */
    record DossierDueDate() implements Expression {

        @Override
        public Object getValue(VariableScope scope) {
            return scope.getVariable(DossierDeadlines.VAR_DUE_DATE);
        }

        @Override
        public void setValue(Object value, VariableScope scope) {
            throw new UnsupportedOperationException("A due date is read, not written");
        }

        @Override
        public String getExpressionText() {
            return "${" + DossierDeadlines.VAR_DUE_DATE + "}";
        }

        @Override
        public boolean isLiteralText() {
            return false;
        }
    }
}
