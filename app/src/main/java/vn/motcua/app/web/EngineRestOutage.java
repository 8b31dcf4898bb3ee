package vn.motcua.app.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API ({@code /engine-rest}) answers 503 with {@code Retry-After} while the database is out of reach,
 * recognised by {@link DatabaseOutage} as for the application's own endpoints, instead of Camunda's 500: clients then
 * wait and try again rather than report a server error. The body keeps Camunda's error shape ({@link ExceptionDto}:
 * {@code type} {@value #TYPE}, {@code message}, {@code code}) and {@code application/json}, which Camunda's clients
 * (its JavaScript SDK, the external task clients, integrations written to its REST reference) read; every other error
 * is left to Camunda's own mappers.
 *
 * <p>Jersey picks the mapper registered for the nearest superclass of the error, and among mappers of the same class
 * the one of higher priority whose {@link ExtendedExceptionMapper#isMappable} agrees. So there is one mapper here for
 * each class Camunda maps ({@code CamundaRestResources}' {@code ProcessEngineExceptionHandler}, {@code
 * RestExceptionHandler}, {@code ExceptionHandler}), of higher priority, that takes only an outage. A request whose
 * authentication already fails for the outage (Camunda's authentication filter asks the database before Jersey runs)
 * is answered the same way by {@link ProblemErrorController}.
 *
 * @see org.camunda.bpm.engine.rest.impl.CamundaRestResources
 */
@Configuration(proxyBeanMethods = false)
class EngineRestOutage {

    /** The {@code type} of the answer, in Camunda's naming of its error types. */
    static final String TYPE = "DatabaseUnavailable";

    static final String MESSAGE = "Hệ thống tạm thời gián đoạn, xin thử lại sau ít phút. The database cannot be reached"
            + " for now; try again in " + DatabaseOutage.RETRY_AFTER.toSeconds() + " seconds. A change answered 503"
            + " may still have been made: read it back before sending it again.";

    /** Above Camunda's mappers (no priority: {@link Priorities#USER}); the lower the number, the higher. */
    static final int PRIORITY = Priorities.USER - 1000;

    private static final Logger log = LoggerFactory.getLogger(EngineRestOutage.class);

    @Bean
    ResourceConfigCustomizer engineRestOutageAnswer() {
        return config -> config.register(OfEngineError.class, PRIORITY)
                .register(OfRestError.class, PRIORITY)
                .register(OfAnyError.class, PRIORITY);
    }

    /** Camunda's error body for an outage. */
    static ExceptionDto body() {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(TYPE);
        dto.setMessage(MESSAGE);
        return dto;
    }

    abstract static class OutageAnswer<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Override
        public boolean isMappable(E error) {
            return DatabaseOutage.causedBy(error);
        }

        @Override
        public Response toResponse(E error) {
            log.warn("Engine REST request answered 503: the database cannot be reached ({})", error.toString());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER.toSeconds())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body())
                    .build();
        }
    }

    /** Where Camunda's {@code ProcessEngineExceptionHandler} would answer (the engine's own errors). */
    static final class OfEngineError extends OutageAnswer<ProcessEngineException> {}

    /** Where Camunda's {@code RestExceptionHandler} would answer (a resource's wrapping of an engine error). */
    static final class OfRestError extends OutageAnswer<RestException> {}

    /** Where Camunda's {@code ExceptionHandler} would answer (anything else: Spring's transaction errors). */
    static final class OfAnyError extends OutageAnswer<Throwable> {}
}
