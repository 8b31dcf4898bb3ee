package vn.motcua.app.agency;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Creates Camunda groups the platform needs, if missing; nothing to do where groups come from a directory. */
@Component
public class CamundaGroups {

    private static final Logger log = LoggerFactory.getLogger(CamundaGroups.class);

    private final IdentityService identityService;

    public CamundaGroups(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void ensure(String groupId, String name, String type) {
        if (identityService.isReadOnly()) {
            return; // groups come from a directory (LDAP): it must hold them
        }
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
            log.info("Created Camunda group {} ({})", groupId, name);
        }
    }
}
