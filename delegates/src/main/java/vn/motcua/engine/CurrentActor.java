package vn.motcua.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting, for the dossier's log: the person the application acts for ({@link #as}), else the
 * user the engine was told about (REST API and webapps set it when a task is completed), else
 * {@link #SYSTEM} for timers and other work without a person behind it.
 */
@Component
public class CurrentActor {

    public static final String SYSTEM = "system";

    /** Kept apart from the engine's authentication so the application's own calls are not subject to engine authorizations. */
    private static final ThreadLocal<String> ACTING_FOR = new ThreadLocal<>();

    private final IdentityService identityService;

    public CurrentActor(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String userId() {
        String actingFor = ACTING_FOR.get();
        if (actingFor != null) {
            return actingFor;
        }
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }

    /** Runs an action of the application on behalf of a person, who then appears in the dossier's log. */
    public <T> T as(String userId, Supplier<T> action) {
        String previous = ACTING_FOR.get();
        ACTING_FOR.set(userId);
        try {
            return action.get();
        } finally {
            if (previous == null) {
                ACTING_FOR.remove();
            } else {
                ACTING_FOR.set(previous);
            }
        }
    }
}
