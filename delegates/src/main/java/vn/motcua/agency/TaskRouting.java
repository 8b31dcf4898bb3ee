package vn.motcua.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Sends each user task to the right agency. A procedure's BPMN names roles as candidate groups
 * ({@code tiepnhan}, {@code chuyenvien}, {@code lanhdao}); when a task is created the engine gives it to that
 * role's group at one of the dossier's agencies instead, e.g. {@code tiepnhan-000.00.99.H99}. Which agency:
 * the user task's extension property {@value #AGENCY_PROPERTY} ({@code receiving}, {@code competent} or
 * {@code return}), else the role's default (the desk receives, specialists and leaders of the competent
 * agency process and approve). The agencies are read from the dossier row (by business key), not from process
 * variables, which a task's assignee could change.
 *
 * <p>The engine's own task authorizations, made for candidate groups, then keep every other agency's staff
 * away from the task in Tasklist and {@code /engine-rest} alike (docs/adr/0007-agency-isolation.md).
 */
public class TaskRouting extends AbstractBpmnParseListener {

    /** The user task extension property naming the agency side. */
    public static final String AGENCY_PROPERTY = "agency";

    private final Supplier<AgencyRepository> agencies;

    public TaskRouting(Supplier<AgencyRepository> agencies) {
        this.agencies = agencies;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        Optional<AgencySide> declared = declaredSide(userTaskElement);
        Set<Expression> groups = task.getCandidateGroupIdExpressions();
        List<Expression> roles = new ArrayList<>(groups);
        groups.clear();
        for (Expression expression : roles) {
            for (String roleGroup : expression.getExpressionText().split(",")) {
                StaffRole role = dossierRole(roleGroup.strip())
                        .orElseThrow(() -> new ProcessEngineException("User task " + activity.getId()
                                + ": candidate group '" + roleGroup.strip() + "' is not a role that works on dossiers "
                                + "(tiepnhan, chuyenvien, lanhdao)"));
                groups.add(new AgencyGroup(role, declared.orElse(role.defaultSide()), agencies));
            }
        }
    }

    private static Optional<AgencySide> declaredSide(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties =
                extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            if (AGENCY_PROPERTY.equals(property.attribute("name"))) {
                return Optional.of(AgencySide.ofValue(property.attribute("value")));
            }
        }
        return Optional.empty();
    }

    private static Optional<StaffRole> dossierRole(String groupId) {
        return StaffRole.ofGroup(groupId).filter(StaffRole::worksOnDossiers);
    }

    /**
     * What is wrong with a model's user tasks for this routing, each naming the task: candidate groups must be
     * literal dossier roles, the {@value #AGENCY_PROPERTY} property one of its three words, and a task is given
     * to a group, never to a fixed person.
     */
    public static List<String> problems(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String id = task.getId();
            String groups = task.getCamundaCandidateGroups();
            if (groups == null || groups.isBlank()) {
                problems.add("user task " + id + " has no candidate group");
            } else {
                for (String group : groups.split(",")) {
                    if (dossierRole(group.strip()).isEmpty()) {
                        problems.add("user task " + id + " names candidate group '" + group.strip()
                                + "', which is not a role that works on dossiers (tiepnhan, chuyenvien, lanhdao)");
                    }
                }
            }
            if (task.getCamundaAssignee() != null || task.getCamundaCandidateUsers() != null) {
                problems.add("user task " + id + " names a person (assignee or candidate users); name a role");
            }
            for (CamundaProperty property : properties(task)) {
                if (AGENCY_PROPERTY.equals(property.getCamundaName())) {
                    try {
                        AgencySide.ofValue(property.getCamundaValue());
                    } catch (IllegalArgumentException e) {
                        problems.add("user task " + id + ": property agency " + e.getMessage());
                    }
                }
            }
        }
        return problems;
    }

    private static List<CamundaProperty> properties(UserTask task) {
        if (task.getExtensionElements() == null) {
            return List.of();
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .toList();
    }

    /** The candidate group of one task: a role at the agency on one side of the task's dossier. */
    record AgencyGroup(StaffRole role, AgencySide side, Supplier<AgencyRepository> agencies) implements Expression {

        @Override
        public Object getValue(VariableScope scope) {
            String dossierCode = ((DelegateExecution) scope).getProcessBusinessKey();
            String agency = agencies.get()
                    .dossierAgency(dossierCode, side)
                    .orElseThrow(() -> new ProcessEngineException("No dossier " + dossierCode
                            + " to route a task of role " + role.groupId() + " to its " + side.value()
                            + " agency"));
            return role.groupAt(agency);
        }

        @Override
        public void setValue(Object value, VariableScope scope) {
            throw new UnsupportedOperationException("A candidate group is read, not written");
        }

        @Override
        public String getExpressionText() {
            return role.groupId() + "@" + side.value();
        }

        @Override
        public boolean isLiteralText() {
            return false;
        }
    }
}
