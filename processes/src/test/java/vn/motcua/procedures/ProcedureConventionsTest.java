package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.motcua.agency.TaskRouting;
import vn.motcua.deadline.DossierDeadlines;
import vn.motcua.dossier.DossierRequests;
import vn.motcua.payment.Payments;
import vn.motcua.procedure.ProcedureDescriptor;
import vn.motcua.procedure.ProcedureDescriptorReader;
import vn.motcua.procedure.ServiceLevel;
import vn.motcua.result.ReadResultDeliveryDelegate;
import vn.motcua.testing.ProcessTestPlatform;

/**
 * The modelling conventions of docs/designers.md, checked over every procedure folder, so a designer
 * learns of a slip from the build and not from a clerk.
 */
class ProcedureConventionsTest {

    private static final Path PROCEDURES = Path.of("").toAbsolutePath();
    private static final Path FORMS = PROCEDURES.resolveSibling("forms");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Readable typed ids such as UserTask_ReceiveDossier: a type prefix, then words in PascalCase. */
    private static final Map<Class<? extends BaseElement>, String> ID_PREFIXES = Map.of(
            UserTask.class, "UserTask_",
            ServiceTask.class, "ServiceTask_",
            ExclusiveGateway.class, "Gateway_",
            SequenceFlow.class, "Flow_");

    private static final Pattern READABLE_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*");
    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    @TestFactory
    Stream<DynamicTest> everyProcedureFollowsTheConventions() throws IOException {
        List<Path> folders;
        try (Stream<Path> files = Files.list(PROCEDURES)) {
            folders = files.filter(p -> Files.isRegularFile(p.resolve("procedure.yaml")))
                    .sorted()
                    .toList();
        }
        assertThat(folders).as("procedure folders under %s", PROCEDURES).isNotEmpty();
        return folders.stream()
                .map(folder -> DynamicTest.dynamicTest(
                        folder.getFileName().toString(),
                        () -> assertThat(violations(folder))
                                .as("convention violations in %s", folder)
                                .isEmpty()));
    }

    @Test
    void aFolderThatBreaksTheConventionsIsReportedSlipBySlip() throws Exception {
        Path bad = Path.of(getClass().getResource("/conventions/bad-example").toURI());

        assertThat(violations(bad))
                .containsExactlyInAnyOrder(
                        bad.resolve("procedure.yaml") + ": nationalCode is required",
                        "process id 'Process_0x1y2z' must equal the file name 'bad-example'",
                        "the process has no name",
                        "the process has no camunda:historyTimeToLive",
                        "id 'StartEvent_1' is not a readable typed id like UserTask_ReceiveDossier",
                        "StartEvent_1 has no name",
                        "id 'Activity_04cardr' is not a readable typed id like UserTask_ReceiveDossier",
                        "id 'Activity_04cardr' of a UserTask must start with UserTask_",
                        "user task Activity_04cardr has no candidate group",
                        "user task Activity_04cardr names a person (assignee or candidate users); name a role",
                        "user task UserTask_SendToTaxAuthority names candidate group 'lienthong', which is not a role "
                                + "that works on dossiers (tiepnhan, chuyenvien, lanhdao)",
                        "user task UserTask_SendToTaxAuthority: property agency 'tax' is not receiving, competent or "
                                + "return",
                        "Activity_04cardr must bind its form with camunda:formRefBinding=\"deployment\"",
                        "Activity_04cardr refers to form 'missing-form' but forms/missing-form.form does not exist",
                        "ServiceTask_Send: no JavaDelegate bean named 'noSuchBean'",
                        "no event sub-process catches the message WithdrawalRequested",
                        "no event sub-process catches the message ProcessingStopped",
                        "the fee table is never asked for: no payment step (${requestPayment}, then a receive task for"
                                + " the message PaymentReceived)",
                        "no deadline timer BoundaryEvent_DeadlineWarning (a boundary timer on the processing phase, timeDate ${warningDate})",
                        "no deadline timer BoundaryEvent_DeadlineReached (a boundary timer on the processing phase, timeDate ${dueDate})",
                        "Gateway_Decide splits without a default flow",
                        "Flow_Yes leaves Gateway_Decide without a name saying its condition",
                        "Flow_No leaves Gateway_Decide without a name saying its condition");
    }

    @Test
    void aFullOnlineProcedureWithoutTheElectronicReturnIsReported() throws Exception {
        Path before = Path.of(
                getClass().getResource("/conventions/no-electronic-return").toURI());

        assertThat(violations(before)).containsExactly(NO_ELECTRONIC_RETURN);
    }

    @Test
    void anElectronicReturnReachableWithoutTheSignatureIsReported() throws Exception {
        Path unsigned = Path.of(getClass()
                .getResource("/conventions/unsigned-electronic-return")
                .toURI());

        assertThat(violations(unsigned))
                .singleElement()
                .asString()
                .startsWith("ServiceTask_ReturnResultOnline returns the result electronically on a path that skips"
                        + " ${signResult}: StartEvent_DossierSubmitted → UserTask_ReceiveDossier")
                .contains(
                        "ServiceTask_ProduceResult → ServiceTask_MarkProcessed → EndEvent_ProcessingDone"
                                + " → ServiceTask_ReadResultDelivery → Gateway_ResultDelivery → ServiceTask_ReturnResultOnline");
    }

    static List<String> violations(Path folder) throws IOException {
        List<String> problems = new ArrayList<>();
        String key = folder.getFileName().toString();
        if (!KEY.matcher(key).matches()) {
            problems.add("folder name '" + key + "' is not kebab-case");
        }
        ProcedureDescriptor descriptor = null;
        try (InputStream yaml = Files.newInputStream(folder.resolve("procedure.yaml"))) {
            descriptor = ProcedureDescriptorReader.read(
                    key, yaml, folder.resolve("procedure.yaml").toString());
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        Path bpmnFile = folder.resolve(key + ".bpmn");
        if (!Files.exists(bpmnFile)) {
            problems.add("missing " + bpmnFile.getFileName());
            return problems;
        }
        BpmnModelInstance model = Bpmn.readModelFromFile(bpmnFile.toFile());

        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.getId().equals(key)) {
                problems.add("process id '" + process.getId() + "' must equal the file name '" + key + "'");
            }
            if (process.getName() == null || process.getName().isBlank()) {
                problems.add("the process has no name");
            }
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add("the process has no camunda:historyTimeToLive");
            }
        }

        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            String id = element.getId();
            if (!READABLE_ID.matcher(id).matches()) {
                problems.add("id '" + id + "' is not a readable typed id like UserTask_ReceiveDossier");
            }
            ID_PREFIXES.forEach((type, prefix) -> {
                if (type.isInstance(element) && !id.startsWith(prefix)) {
                    problems.add("id '" + id + "' of a " + type.getSimpleName() + " must start with " + prefix);
                }
            });
            if (element instanceof FlowNode
                    && (element.getName() == null || element.getName().isBlank())) {
                problems.add(id + " has no name");
            }
        }

        // The deployment's own rule: roles as candidate groups, never a person, a valid agency side.
        problems.addAll(TaskRouting.problems(model));

        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String formRef = node.getAttributeValueNs(CAMUNDA, "formRef");
            if (formRef == null) {
                if (node instanceof UserTask) {
                    problems.add(node.getId() + " has no camunda:formRef");
                }
                continue;
            }
            if (!"deployment".equals(node.getAttributeValueNs(CAMUNDA, "formRefBinding"))) {
                problems.add(node.getId() + " must bind its form with camunda:formRefBinding=\"deployment\"");
            }
            if (!Files.exists(FORMS.resolve(formRef + ".form"))) {
                problems.add(node.getId() + " refers to form '" + formRef + "' but forms/" + formRef
                        + ".form does not exist");
            }
        }

        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String expression = task.getCamundaDelegateExpression();
            if (expression == null) {
                problems.add(task.getId() + " must call a delegate through camunda:delegateExpression");
                continue;
            }
            Matcher bean = DELEGATE_EXPRESSION.matcher(expression);
            if (!bean.matches()) {
                problems.add(task.getId() + ": delegate expression " + expression
                        + " must name one bean, like ${updateDossierStatus}");
            } else if (!isDelegateBean(bean.group(1))) {
                problems.add(task.getId() + ": no JavaDelegate bean named '" + bean.group(1) + "'");
            }
        }

        // The application's withdraw and stop requests are messages every procedure must catch.
        List<String> caught = model.getModelElementsByType(MessageEventDefinition.class).stream()
                .filter(m -> m.getMessage() != null)
                .map(m -> m.getMessage().getName())
                .toList();
        for (String message :
                List.of(DossierRequests.MESSAGE_WITHDRAWAL_REQUESTED, DossierRequests.MESSAGE_PROCESSING_STOPPED)) {
            if (!caught.contains(message)) {
                problems.add("no event sub-process catches the message " + message);
            }
        }

        // A fee table is asked for in the process (docs/fees.md): the payment step, and when the law has it paid.
        if (Files.exists(folder.resolve(key + "-fee.dmn"))) {
            if (descriptor != null
                    && (descriptor.fee() == null || descriptor.fee().paidOn() == null)) {
                problems.add("a procedure with a fee table says when the fee is paid (procedure.yaml fee.paidOn)");
            }
            boolean asks = model.getModelElementsByType(ServiceTask.class).stream()
                    .anyMatch(t -> "${requestPayment}".equals(t.getCamundaDelegateExpression()));
            boolean waits = model.getModelElementsByType(ReceiveTask.class).stream()
                    .anyMatch(t -> t.getMessage() != null
                            && Payments.MESSAGE_PAYMENT_RECEIVED.equals(
                                    t.getMessage().getName()));
            if (!asks || !waits) {
                problems.add("the fee table is never asked for: no payment step (${requestPayment}, then a receive task"
                        + " for the message " + Payments.MESSAGE_PAYMENT_RECEIVED + ")");
            }
        }

        // The deadline watch (docs/deadlines.md): a warning and an escalation timer, both non-interrupting,
        // dated by the variables the dossier lifecycle sets; the escalation reaches a leader.
        deadlineTimer(model, DossierDeadlines.ACTIVITY_WARNING_TIMER, DossierDeadlines.VAR_WARNING_DATE, problems);
        deadlineTimer(model, DossierDeadlines.ACTIVITY_DUE_TIMER, DossierDeadlines.VAR_DUE_DATE, problems);
        BoundaryEvent due = model.getModelElementById(DossierDeadlines.ACTIVITY_DUE_TIMER);
        if (due != null && !reachesLeaderTask(due, new java.util.HashSet<>())) {
            problems.add(DossierDeadlines.ACTIVITY_DUE_TIMER + " must lead to a user task for candidate group lanhdao");
        }

        // A result delivered electronically is returned electronically (docs/designers.md, "Trả kết quả"): every
        // procedure that offers the electronic delivery (full-online) has the path, and it never skips the signature.
        if (descriptor != null && descriptor.serviceLevel() == ServiceLevel.FULL_ONLINE) {
            electronicReturn(model, problems);
        }

        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            // Read the flows themselves: <bpmn:outgoing> references are optional in BPMN XML.
            List<SequenceFlow> outgoing = model.getModelElementsByType(SequenceFlow.class).stream()
                    .filter(flow -> flow.getSource() == gateway)
                    .toList();
            if (outgoing.size() > 1) {
                if (gateway.getDefault() == null) {
                    problems.add(gateway.getId() + " splits without a default flow");
                }
                for (SequenceFlow flow : outgoing) {
                    if (flow.getName() == null || flow.getName().isBlank()) {
                        problems.add(
                                flow.getId() + " leaves " + gateway.getId() + " without a name saying its condition");
                    }
                }
            }
        }
        return problems;
    }

    static final String NO_ELECTRONIC_RETURN = "the procedure offers the electronic delivery (serviceLevel FULL_ONLINE)"
            + " but has no electronic return: after processing, ${readResultDelivery}, then a gateway whose flow ${"
            + ReadResultDeliveryDelegate.VAR_RESULT_DELIVERY + " == 'ONLINE'} leads, without a user task, to"
            + " ${updateDossierStatus} with status RESULT_RETURNED and step "
            + ReadResultDeliveryDelegate.STEP_RETURNED_ONLINE
            + ", and whose default flow leads to the desk's return task";

    private static void electronicReturn(BpmnModelInstance model, List<String> problems) {
        List<ServiceTask> returns = model.getModelElementsByType(ServiceTask.class).stream()
                .filter(ProcedureConventionsTest::returnsOnline)
                .toList();
        boolean found = false;
        for (ServiceTask read : model.getModelElementsByType(ServiceTask.class)) {
            if (!"${readResultDelivery}".equals(read.getCamundaDelegateExpression())) {
                continue;
            }
            for (SequenceFlow toGateway : read.getOutgoing()) {
                if (!(toGateway.getTarget() instanceof ExclusiveGateway gateway) || gateway.getDefault() == null) {
                    continue;
                }
                boolean online = gateway.getOutgoing().stream()
                        .anyMatch(flow -> flow.getConditionExpression() != null
                                && ("${" + ReadResultDeliveryDelegate.VAR_RESULT_DELIVERY + " == 'ONLINE'}")
                                        .equals(flow.getConditionExpression()
                                                .getTextContent()
                                                .trim())
                                && returns.contains(flow.getTarget()));
                boolean desk = gateway.getDefault().getTarget() instanceof UserTask;
                found |= online && desk;
            }
        }
        if (!found) {
            problems.add(NO_ELECTRONIC_RETURN);
        }
        // Status 10 only once a signed result exists: no path from a start reaches the return without ${signResult}.
        Map<FlowNode, FlowNode> unsigned = reachableWithout(model, "${signResult}");
        for (ServiceTask task : returns) {
            if (unsigned.containsKey(task)) {
                List<String> path = new ArrayList<>();
                for (FlowNode n = task; n != null; n = unsigned.get(n)) {
                    path.add(0, n.getId());
                }
                problems.add(task.getId() + " returns the result electronically on a path that skips ${signResult}: "
                        + String.join(" → ", path));
            }
        }
    }

    /** A status change to 10 at the step of the electronic return. */
    private static boolean returnsOnline(ServiceTask task) {
        if (!"${updateDossierStatus}".equals(task.getCamundaDelegateExpression())) {
            return false;
        }
        var io = task.getExtensionElements() == null
                ? null
                : task
                        .getExtensionElements()
                        .getElementsQuery()
                        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class)
                        .list()
                        .stream()
                        .findFirst()
                        .orElse(null);
        if (io == null) {
            return false;
        }
        Map<String, String> inputs = new java.util.HashMap<>();
        io.getCamundaInputParameters()
                .forEach(p -> inputs.put(p.getCamundaName(), p.getTextContent().trim()));
        return ("RESULT_RETURNED".equals(inputs.get("status")) || "10".equals(inputs.get("status")))
                && ReadResultDeliveryDelegate.STEP_RETURNED_ONLINE.equals(inputs.get("step"));
    }

    /**
     * The flow nodes an instance can reach without passing a service task calling {@code delegate}: from the process's
     * start events and every event sub-process's (they may start at any time), into a sub-process through its start
     * events and out of it through its outgoing flows, and onto the boundary events of what is reached.
     */
    private static Map<FlowNode, FlowNode> reachableWithout(BpmnModelInstance model, String delegate) {
        Map<FlowNode, FlowNode> cameFrom = new java.util.LinkedHashMap<>();
        java.util.Deque<FlowNode[]> todo = new java.util.ArrayDeque<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getParentElement() instanceof Process
                    || (start.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent())) {
                todo.add(new FlowNode[] {start, null});
            }
        }
        List<BoundaryEvent> boundaries = new ArrayList<>(model.getModelElementsByType(BoundaryEvent.class));
        List<SequenceFlow> flows = new ArrayList<>(model.getModelElementsByType(SequenceFlow.class));
        while (!todo.isEmpty()) {
            FlowNode[] step = todo.poll();
            FlowNode node = step[0];
            if (cameFrom.containsKey(node)) {
                continue;
            }
            cameFrom.put(node, step[1]);
            if (node instanceof ServiceTask task && delegate.equals(task.getCamundaDelegateExpression())) {
                continue;
            }
            // Read the flows themselves: <bpmn:outgoing> references are optional in BPMN XML. A sub-process is left
            // through its outgoing flows only once one of its end events is reached (below).
            if (!(node instanceof SubProcess)) {
                flows.stream()
                        .filter(flow -> flow.getSource() == node)
                        .forEach(flow -> todo.add(new FlowNode[] {flow.getTarget(), node}));
            }
            boundaries.stream().filter(b -> b.getAttachedTo() == node).forEach(b -> todo.add(new FlowNode[] {b, node}));
            if (node instanceof SubProcess sub && !sub.triggeredByEvent()) {
                sub.getChildElementsByType(StartEvent.class).forEach(s -> todo.add(new FlowNode[] {s, node}));
            }
            if (node instanceof EndEvent && node.getParentElement() instanceof SubProcess sub) {
                flows.stream()
                        .filter(flow -> flow.getSource() == sub)
                        .forEach(flow -> todo.add(new FlowNode[] {flow.getTarget(), node}));
            }
        }
        return cameFrom;
    }

    private static void deadlineTimer(BpmnModelInstance model, String id, String variable, List<String> problems) {
        if (!(model.getModelElementById(id) instanceof BoundaryEvent timer)) {
            problems.add("no deadline timer " + id + " (a boundary timer on the processing phase, timeDate ${"
                    + variable + "})");
            return;
        }
        if (timer.cancelActivity()) {
            problems.add(id + " must be non-interrupting");
        }
        TimerEventDefinition definition = timer.getEventDefinitions().stream()
                .filter(TimerEventDefinition.class::isInstance)
                .map(TimerEventDefinition.class::cast)
                .findFirst()
                .orElse(null);
        if (definition == null
                || definition.getTimeDate() == null
                || !("${" + variable + "}")
                        .equals(definition.getTimeDate().getTextContent().trim())) {
            problems.add(id + " must be a timer with timeDate ${" + variable + "}");
        }
    }

    private static boolean reachesLeaderTask(FlowNode node, java.util.Set<FlowNode> seen) {
        if (!seen.add(node)) {
            return false;
        }
        if (node instanceof UserTask task
                && task.getCamundaCandidateGroups() != null
                && task.getCamundaCandidateGroups().contains("lanhdao")) {
            return true;
        }
        return node.getOutgoing().stream().anyMatch(flow -> reachesLeaderTask(flow.getTarget(), seen));
    }

    private static boolean isDelegateBean(String name) {
        var context = ProcessTestPlatform.context();
        return context.containsBean(name) && context.getBean(name) instanceof JavaDelegate;
    }
}
