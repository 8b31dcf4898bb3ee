package vn.motcua.app.clerk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.app.security.CamundaUser;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.deadline.DeadlineProperties;
import vn.motcua.engine.CurrentActor;
import vn.motcua.engine.EngineClock;

/**
 * The clerk's tasks, read and acted on through Camunda's {@link TaskService} <em>as the signed-in user</em>: the
 * engine's task authorizations (one per task and candidate group, the group being the role at the task's agency,
 * docs/adr/0007-agency-isolation.md) decide what the user sees, claims and completes. Nothing here filters by agency
 * itself; a task of another agency is simply not found.
 */
@Component
class Workspace {

    /** Tasks per page of the list. */
    static final int PAGE_SIZE = 50;

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final WorkingCalendar calendar;
    private final DeadlineProperties deadlines;
    private final CurrentActor actor;
    private final Clock clock;

    Workspace(
            TaskService tasks,
            FormService forms,
            IdentityService identity,
            RuntimeService runtime,
            JdbcTemplate jdbc,
            WorkingCalendar calendar,
            DeadlineProperties deadlines,
            CurrentActor actor,
            Clock clock) {
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * One page of the user's open tasks, earliest due first (tasks of dossiers without a due date last, then the
     * oldest first), with the number of late and nearly late ones on all pages. {@code page} counts from 1; past the
     * last page, the last. The engine sorts, pages and counts in the database: every task carries its dossier's due
     * moment as its due date ({@code TaskDueDates}).
     */
    TaskPage tasks(CamundaUser user, int page) {
        Instant now = clock.instant();
        // Nearly late: due by the end of the day the warning starts from (as Urgency says), not yet late.
        Instant warnUntil =
                warnFrom(now).plusDays(1).atStartOfDay(EngineClock.VIETNAM).toInstant();
        TaskPage counted = asUser(user, () -> {
            int total = (int) open().count();
            int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            int current = Math.min(Math.max(1, page), pages);
            int late = (int) open().dueBefore(Date.from(now.plusMillis(1))).count();
            int nearlyLate = (int) open().dueAfter(Date.from(now))
                    .dueBefore(Date.from(warnUntil))
                    .count();
            return new TaskPage(List.of(), current, pages, total, late, nearlyLate);
        });
        List<Task> onPage = asUser(
                user,
                () -> open().orderByDueDate()
                        .asc()
                        .orderByTaskCreateTime()
                        .asc()
                        .listPage((counted.page() - 1) * PAGE_SIZE, PAGE_SIZE));
        List<WorkspaceTask> described = describe(onPage, user);
        return new TaskPage(
                described, counted.page(), counted.pages(), counted.total(), counted.late(), counted.nearlyLate());
    }

    private TaskQuery open() {
        return tasks.createTaskQuery().active();
    }

    private LocalDate warnFrom(Instant now) {
        return calendar.plusWorkingDays(now.atZone(EngineClock.VIETNAM).toLocalDate(), deadlines.warningWorkingDays());
    }

    /** A page of the task list, and how many tasks there are on all pages (late and nearly late among them). */
    record TaskPage(List<WorkspaceTask> tasks, int page, int pages, int total, int late, int nearlyLate) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** One task the user may see. */
    WorkspaceTask task(CamundaUser user, String taskId) {
        Task task = find(user, taskId);
        return describe(List.of(task), user).get(0);
    }

    void claim(CamundaUser user, String taskId) {
        Task task = find(user, taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new TaskTakenException(taskId, task.getAssignee());
        }
        if (task.getAssignee() == null) {
            asUser(user, () -> {
                tasks.claim(taskId, user.id());
                return null;
            });
        }
    }

    void unclaim(CamundaUser user, String taskId) {
        Task task = find(user, taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new TaskTakenException(taskId, task.getAssignee());
        }
        asUser(user, () -> {
            tasks.setAssignee(taskId, null);
            return null;
        });
    }

    /**
     * Completes the task with the values of its form. An unclaimed task is claimed first; a task another person
     * holds is refused.
     */
    void complete(CamundaUser user, String taskId, Map<String, Object> values) {
        Set<String> fields = fieldKeys(form(user, taskId).schema());
        for (String key : values.keySet()) {
            if (!fields.contains(key)) {
                throw new InvalidFormValuesException(key, "The task's form has no field " + key + ".");
            }
        }
        claim(user, taskId);
        actor.as(
                user.id(),
                () -> asUser(user, () -> {
                    forms.submitTaskForm(taskId, values);
                    return null;
                }));
    }

    /** The task's deployed Camunda Form (form-js JSON) and the values it opens with. */
    TaskForm form(CamundaUser user, String taskId) {
        find(user, taskId);
        return asUser(user, () -> {
            String schema;
            try (InputStream in = forms.getDeployedTaskForm(taskId)) {
                schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            VariableMap variables = forms.getTaskFormVariables(taskId);
            Map<String, Object> data = new HashMap<>();
            variables.forEach((name, value) -> {
                if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                    data.put(name, value);
                }
            });
            return new TaskForm(schema, data);
        });
    }

    /** The keys of a form-js schema's fields, nested groups included: the only values a form may set. */
    static Set<String> fieldKeys(String schema) {
        Set<String> keys = new java.util.HashSet<>();
        try {
            collectKeys(new com.fasterxml.jackson.databind.ObjectMapper().readTree(schema), keys);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The deployed form is not JSON", e);
        }
        return keys;
    }

    private static void collectKeys(com.fasterxml.jackson.databind.JsonNode node, Set<String> keys) {
        for (com.fasterxml.jackson.databind.JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component, keys);
        }
    }

    private Task find(CamundaUser user, String taskId) {
        Task task = asUser(
                user,
                () -> tasks.createTaskQuery()
                        .taskId(taskId)
                        .initializeFormKeys()
                        .singleResult());
        if (task == null) {
            throw new UnknownTaskException(taskId);
        }
        return task;
    }

    private List<WorkspaceTask> describe(List<Task> found, CamundaUser user) {
        if (found.isEmpty()) {
            return List.of();
        }
        // The business keys, read as the application: staff hold no READ on process instances, only on tasks.
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> codes = runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, DossierSummary> dossiers = summaries(Set.copyOf(codes.values()));
        Instant now = clock.instant();
        LocalDate warnFrom = warnFrom(now);
        return found.stream()
                .map(t -> {
                    DossierSummary d = dossiers.get(codes.get(t.getProcessInstanceId()));
                    Instant due = d != null && d.dueAt() != null
                            ? d.dueAt()
                            : t.getDueDate() == null ? null : t.getDueDate().toInstant();
                    Urgency urgency = Urgency.of(due, d != null && d.late(), now, warnFrom);
                    return new WorkspaceTask(
                            t.getId(),
                            t.getName(),
                            t.getTaskDefinitionKey(),
                            t.getProcessDefinitionId(),
                            t.getAssignee(),
                            user.id().equals(t.getAssignee()),
                            t.getCreateTime().toInstant(),
                            due,
                            urgency,
                            d);
                })
                .toList();
    }

    private Map<String, DossierSummary> summaries(Set<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        String marks = codes.stream().map(c -> "?").collect(Collectors.joining(","));
        return jdbc
                .query(
                        """
                        select d.code, d.procedure_key, d.applicant_name, d.public_status, d.channel,
                               d.due_at as due, d.late, d.receiving_agency_name,
                               d.competent_agency_name
                        from dossier d where d.code in (""" + marks + ")",
                        (rs, n) -> new DossierSummary(
                                rs.getString("code"),
                                rs.getString("procedure_key"),
                                rs.getString("applicant_name"),
                                rs.getInt("public_status"),
                                rs.getString("channel"),
                                rs.getTimestamp("due") == null
                                        ? null
                                        : rs.getTimestamp("due").toInstant(),
                                rs.getBoolean("late"),
                                rs.getString("receiving_agency_name"),
                                rs.getString("competent_agency_name")),
                        codes.toArray())
                .stream()
                .collect(Collectors.toMap(DossierSummary::code, s -> s));
    }

    /** Runs engine calls with the user's identity and groups, so the engine's authorizations apply. */
    private <T> T asUser(CamundaUser user, Supplier<T> call) {
        identity.setAuthentication(user.id(), user.groupIds());
        try {
            return call.get();
        } catch (AuthorizationException e) {
            throw new UnknownTaskException("-");
        } finally {
            identity.clearAuthentication();
        }
    }

    /** How close a task's dossier is to its due moment. */
    enum Urgency {
        LATE,
        NEARLY_LATE,
        ON_TIME,
        NO_DEADLINE;

        static Urgency of(Instant due, boolean markedLate, Instant now, LocalDate warnFrom) {
            if (markedLate || (due != null && !due.isAfter(now))) {
                return LATE;
            }
            if (due == null) {
                return NO_DEADLINE;
            }
            return !due.atZone(EngineClock.VIETNAM).toLocalDate().isAfter(warnFrom) ? NEARLY_LATE : ON_TIME;
        }
    }

    /** A dossier as the task list shows it. */
    record DossierSummary(
            String code,
            String procedureKey,
            String applicantName,
            int status,
            String channel,
            Instant dueAt,
            boolean late,
            String receivingAgencyName,
            String competentAgencyName) {}

    /** A task on the list. */
    record WorkspaceTask(
            String id,
            String name,
            String taskDefinitionKey,
            String processDefinitionId,
            String assignee,
            boolean mine,
            Instant createdAt,
            Instant dueAt,
            Urgency urgency,
            DossierSummary dossier) {}

    /** A task's form: the form-js schema as deployed with the procedure, and its opening values. */
    record TaskForm(String schema, Map<String, Object> data) {}
}
