package vn.motcua.app.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.agency.CamundaGroups;

/**
 * The role groups and the Camunda authorizations they need, created if missing on every start, in every mode
 * (docs/security.md, docs/adr/0007-agency-isolation.md):
 *
 * <ul>
 *   <li>desk clerks, specialists, leaders ({@code tiepnhan}, {@code chuyenvien}, {@code lanhdao}): Tasklist,
 *       its filters, process definitions and their deployments (diagrams, forms), users and groups (names).
 *       Tasks need nothing here: the engine grants a task's candidate group, one role at one agency
 *       ({@code tiepnhan-000.00.99.H99}), READ and UPDATE on that task when it creates it, so a clerk sees and
 *       completes only their own agencies' tasks. No process history through the engine: it holds every
 *       agency's applicants; staff read a dossier's history through the application, which checks the agency.</li>
 *   <li>designers ({@code thietke}): Cockpit, process and decision definitions and deployments; no dossier.</li>
 *   <li>administrators ({@code camunda-admin}): ALL on every resource, as Camunda Admin's first-user setup grants.</li>
 * </ul>
 *
 * An authorization is only added when the group has none for that resource and resource id, so an
 * administrator's later changes are kept, with one exception enforced at every start: staff groups never get
 * READ_HISTORY on process definitions.
 */
@Component
public class AccessModel {

    private static final Logger log = LoggerFactory.getLogger(AccessModel.class);

    private final AuthorizationService authorizationService;
    private final CamundaGroups groups;

    public AccessModel(AuthorizationService authorizationService, CamundaGroups groups) {
        this.authorizationService = authorizationService;
        this.groups = groups;
    }

    public void ensure() {
        for (StaffRole role : StaffRole.values()) {
            String groupId = role.groupId();
            groups.ensure(
                    groupId,
                    role.displayName(),
                    role == StaffRole.ADMINISTRATOR ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
            switch (role) {
                case DESK_CLERK, SPECIALIST, LEADER -> {
                    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                    grant(groupId, Resources.FILTER, ANY, Permissions.READ);
                    grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
                    grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
                    grant(groupId, Resources.USER, ANY, Permissions.READ);
                    grant(groupId, Resources.GROUP, ANY, Permissions.READ);
                    withoutHistory(groupId);
                }
                case DESIGNER -> {
                    grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
                    grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
                    grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
                    grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
                    withoutHistory(groupId);
                }
                case ADMINISTRATOR -> {
                    for (Resources resource : Resources.values()) {
                        grant(groupId, resource, ANY, Permissions.ALL);
                    }
                }
            }
        }
    }

    /** Installations before agency isolation granted READ_HISTORY on every definition: take it back. */
    private void withoutHistory(String groupId) {
        for (Authorization a : authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(Resources.PROCESS_DEFINITION)
                .list()) {
            if (a.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)) {
                a.removePermission(ProcessDefinitionPermissions.READ_HISTORY);
                authorizationService.saveAuthorization(a);
                log.info("Revoked READ_HISTORY on process definitions {} from group {}", a.getResourceId(), groupId);
            }
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizationService
                        .createAuthorizationQuery()
                        .groupIdIn(groupId)
                        .resourceType(resource)
                        .resourceId(resourceId)
                        .count()
                > 0;
        if (present) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
        log.debug("Granted group {} {} on {} {}", groupId, List.of(permissions), resource.resourceName(), resourceId);
    }
}
