package vn.motcua.app.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import vn.motcua.agency.StaffRole;

/**
 * How a production installation gets its first administrator. Either
 * <ul>
 *   <li>Camunda Admin's own setup page, {@code /camunda/app/admin/}, which Camunda offers while no user
 *       belongs to {@code camunda-admin}; it is open to whoever reaches it first, so use it before the
 *       port is reachable by others; or</li>
 *   <li>{@link InitialAdministratorProperties}: an id and a password given for one start.</li>
 * </ul>
 * As long as neither has happened, every start logs a warning saying so.
 */
@Component
public class InitialAdministrator {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final IdentityService identityService;
    private final InitialAdministratorProperties properties;
    private final String webappPath;

    public InitialAdministrator(
            IdentityService identityService, InitialAdministratorProperties properties, CamundaBpmProperties camunda) {
        this.identityService = identityService;
        this.properties = properties;
        this.webappPath = camunda.getWebapp().getApplicationPath();
    }

    /**
     * Creates the configured administrator if no administrator exists. Expects the group
     * {@code camunda-admin} and its authorizations to exist ({@link AccessModel#ensure()}).
     *
     * @return whether an administrator was created or made one
     */
    public boolean ensure() {
        if (identityService.isReadOnly()) {
            return false; // administrators come from the directory (LDAP)
        }
        boolean administratorExists = identityService
                        .createUserQuery()
                        .memberOfGroup(StaffRole.ADMINISTRATOR.groupId())
                        .count()
                > 0;
        String id = properties.id();
        if (administratorExists) {
            if (StringUtils.hasText(id)) {
                log.info("motcua.security.initial-admin ignored: an administrator exists already; remove the setting");
            }
            return false;
        }
        if (!StringUtils.hasText(id)) {
            log.warn("""
                    No administrator exists yet. Create the first one with Camunda Admin's setup page at \
                    {}/app/admin/ (open to anyone who reaches it until then) or start once with \
                    motcua.security.initial-admin.id and motcua.security.initial-admin.password set.""", webappPath);
            return false;
        }
        if (!StringUtils.hasText(properties.password())) {
            throw new IllegalStateException("motcua.security.initial-admin.id is set but "
                    + "motcua.security.initial-admin.password is not: there is no default password");
        }
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(properties.password());
            user.setFirstName(StringUtils.hasText(properties.firstName()) ? properties.firstName() : "Quản trị");
            user.setLastName(StringUtils.hasText(properties.lastName()) ? properties.lastName() : "hệ thống");
            user.setEmail(properties.email());
            identityService.saveUser(user);
            log.info("Created the first administrator {}", id);
        } else {
            log.info("Made the existing user {} the first administrator; the password was not changed", id);
        }
        identityService.createMembership(id, StaffRole.ADMINISTRATOR.groupId());
        return true;
    }
}
