package vn.motcua.app.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The staff groups and the Camunda authorizations they need, created if missing on every start, in
 * every mode: no user and no password is involved, and the procedures' candidate groups mean nothing
 * without them.
 *
 * <ul>
 *   <li>{@code tiepnhan}, {@code chuyenvien}, {@code lanhdao}: use Tasklist (application
 *       {@code tasklist}), see its filters, read process definitions, their deployments (diagrams,
 *       forms) and their history, and read users and groups (names shown in Tasklist). Tasks
 *       themselves need nothing here: the engine grants a task's candidate group READ and UPDATE on
 *       that task when it is created, enough to claim and complete it.</li>
 *   <li>{@code camunda-admin}: ALL on every resource, as Camunda Admin's own first-user setup grants.</li>
 * </ul>
 *
 * An authorization is only added when the group has none for that resource and resource id, so an
 * administrator's later changes of permissions are kept (to revoke, edit the permissions rather than
 * delete the row, or it comes back at the next start).
 */
@Component
public class AccessModel {

    private static final Logger log = LoggerFactory.getLogger(AccessModel.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public AccessModel(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    public void ensure() {
        for (String groupId : StaffGroups.CLERKS) {
            ensureGroup(groupId, Groups.GROUP_TYPE_WORKFLOW);
            grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(groupId, Resources.FILTER, ANY, Permissions.READ);
            grant(
                    groupId,
                    Resources.PROCESS_DEFINITION,
                    ANY,
                    ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_HISTORY);
            grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(groupId, Resources.USER, ANY, Permissions.READ);
            grant(groupId, Resources.GROUP, ANY, Permissions.READ);
        }
        ensureGroup(StaffGroups.ADMIN, Groups.GROUP_TYPE_SYSTEM);
        for (Resources resource : Resources.values()) {
            grant(StaffGroups.ADMIN, resource, ANY, Permissions.ALL);
        }
    }

    private void ensureGroup(String groupId, String type) {
        if (identityService.isReadOnly()) {
            return; // groups come from a directory (LDAP): only the authorizations are ours to add
        }
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(StaffGroups.displayName(groupId));
            group.setType(type);
            identityService.saveGroup(group);
            log.info("Created Camunda group {} ({})", groupId, group.getName());
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
