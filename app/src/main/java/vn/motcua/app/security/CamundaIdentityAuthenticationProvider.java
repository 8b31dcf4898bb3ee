package vn.motcua.app.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against the Camunda identity service, the one user directory of the
 * application (the same accounts sign in to Cockpit, Tasklist, Admin and {@code /engine-rest}).
 * The user's Camunda groups become the authorities {@code ROLE_<groupId>}.
 *
 * <p>Camunda throttles failed attempts per user (3 s, doubling, up to 60 s; locked after 10 failures
 * until an administrator unlocks the user in Admin): during a delay even the right password fails.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Missing user name or password");
        }
        if (!identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) { // deleted between the two calls
            throw new BadCredentialsException("Bad credentials");
        }
        List<Group> groups =
                identityService.createGroupQuery().groupMember(userId).list();
        CamundaUser principal = new CamundaUser(
                user.getId(),
                user.getFirstName(),
                user.getLastName(),
                user.getEmail(),
                groups.stream()
                        .map(g -> new CamundaUser.GroupRef(g.getId(), g.getName()))
                        .toList());
        List<SimpleGrantedAuthority> authorities = groups.stream()
                .map(g -> new SimpleGrantedAuthority("ROLE_" + g.getId()))
                .toList();
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
