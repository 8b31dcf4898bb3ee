package vn.motcua.app.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers a lost race (two clerks completing the same task at once, so the engine's optimistic
 * lock refuses the second) with 500; it is a conflict, 409, in Camunda's own error shape ({@code type},
 * {@code message}) so Tasklist shows it like its other errors.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConflicts {

    @Bean
    ResourceConfigCustomizer engineRestConflictStatus() {
        return config -> config.register(LostRace.class);
    }

    static final class LostRace implements ExceptionMapper<OptimisticLockingException> {

        @Override
        public Response toResponse(OptimisticLockingException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", OptimisticLockingException.class.getSimpleName());
            body.put(
                    "message",
                    "Another request changed this task or process instance at the same time; reload and try again.");
            body.put("code", null);
            return Response.status(Response.Status.CONFLICT)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body)
                    .build();
        }
    }
}
