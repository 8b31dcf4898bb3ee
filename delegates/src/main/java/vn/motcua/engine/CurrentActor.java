package vn.motcua.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the user the engine was told about (REST API, webapps and the application's own
 * endpoints all set it), or {@link #SYSTEM} for timers and other work without a person behind it.
 */
@Component
public class CurrentActor {

    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    public CurrentActor(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String userId() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
