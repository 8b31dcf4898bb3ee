package vn.motcua.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Camunda's REST API as the application configures it (Camunda's own Jersey configuration with every mapper it
 * registers, then the application's customizers), in memory: a resource here throws what an engine call throws, and
 * the answer must be 503 {@code DatabaseUnavailable} with {@code Retry-After} for an outage, whichever of Camunda's
 * mappers would have taken the error, and exactly Camunda's answer for anything else.
 */
class EngineRestOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApplicationHandler engineRest;

    @BeforeAll
    static void configure() throws Exception {
        CamundaJerseyResourceConfig config = new CamundaJerseyResourceConfig();
        config.afterPropertiesSet();
        new EngineRestConflicts().engineRestConflictStatus().customize(config);
        new EngineRestOutage().engineRestOutageAnswer().customize(config);
        config.register(Failing.class);
        // jersey-spring's component provider wants a Spring context (Spring Boot hands it the application's)
        GenericApplicationContext spring = new GenericApplicationContext();
        spring.refresh();
        config.property("contextConfig", spring);
        engineRest = new ApplicationHandler(config);
    }

    /** Throws, for each name, what an engine call throws. */
    @Path("/failing")
    public static class Failing {

        @GET
        @Path("{kind}")
        @Produces(MediaType.APPLICATION_JSON)
        public String fail(@PathParam("kind") String kind) {
            throw switch (kind) {
                // the engine's wrapping of a query whose connection broke: ProcessEngineExceptionHandler's
                case "engine-query" ->
                    ExceptionUtil.wrapPersistenceException(new RuntimeException(
                            "### Error querying database",
                            new SQLException("An I/O error occurred while sending to the backend.", "08006")));
                // the pool waited in vain: Spring's transaction could not begin (Camunda's ExceptionHandler)
                case "no-connection" ->
                    new CannotCreateTransactionException(
                            "Could not open JDBC Connection for transaction",
                            new SQLTransientConnectionException("motcua - Connection is not available"));
                // a resource's wrapping of an engine error (RestExceptionHandler's), the server shutting down
                case "rest-wrapped" ->
                    new InvalidRequestException(
                            Response.Status.BAD_REQUEST,
                            new ProcessEngineException(
                                    "query failed",
                                    new SQLException("terminating connection due to administrator command", "57P01")),
                            "Cannot query tasks");
                case "engine-bug" -> new ProcessEngineException("ENGINE-13033 something the engine did not expect");
                case "bad-request" -> new BadUserRequestException("Cannot find a task with id 'x'");
                case "not-found" -> new InvalidRequestException(Response.Status.NOT_FOUND, "No task with id 'x'");
                case "duplicate" ->
                    new ProcessEngineException(
                            "insert failed",
                            new DataIntegrityViolationException(
                                    "duplicate", new SQLException("duplicate key value", "23505")));
                case "lost-race" -> new OptimisticLockingException("ENGINE-03005 Execution of UPDATE failed");
                default -> new IllegalStateException("bug");
            };
        }
    }

    @Test
    void anOutageIs503DatabaseUnavailableWithRetryAfterWhicheverOfCamundasMappersWouldHaveTakenIt() throws Exception {
        for (String kind : new String[] {"engine-query", "no-connection", "rest-wrapped"}) {
            Answer answer = get("/failing/" + kind);
            assertThat(answer.status).as(kind).isEqualTo(503);
            assertThat(answer.response.getHeaderString("Retry-After")).as(kind).isEqualTo("10");
            assertThat(answer.response.getMediaType().toString()).as(kind).startsWith("application/json");
            assertThat(answer.body.path("type").asText()).as(kind).isEqualTo("DatabaseUnavailable");
            assertThat(answer.body.path("message").asText()).as(kind).contains("try again in 10 seconds");
            assertThat(answer.body.has("code")).as(kind).isTrue();
        }
    }

    @Test
    void everyOtherErrorIsAnsweredAsCamundaAnswersIt() throws Exception {
        assertCamunda("engine-bug", 500, "ProcessEngineException");
        assertCamunda("duplicate", 500, "ProcessEngineException");
        assertCamunda("bad-request", 400, "BadUserRequestException");
        assertCamunda("not-found", 404, "InvalidRequestException");
        assertCamunda("anything-else", 500, "IllegalStateException");
        assertCamunda("lost-race", 409, "OptimisticLockingException"); // EngineRestConflicts, still
    }

    private static void assertCamunda(String kind, int status, String type) throws Exception {
        Answer answer = get("/failing/" + kind);
        assertThat(answer.status).as(kind).isEqualTo(status);
        assertThat(answer.response.getHeaderString("Retry-After")).as(kind).isNull();
        assertThat(answer.body.path("type").asText()).as(kind).isEqualTo(type);
        assertThat(answer.body.path("message").asText()).as(kind).isNotBlank();
    }

    private record Answer(int status, ContainerResponse response, JsonNode body) {}

    private static Answer get(String path) throws Exception {
        ContainerRequest request = new ContainerRequest(
                URI.create("http://localhost/engine-rest/"),
                URI.create("http://localhost/engine-rest" + path),
                "GET",
                null,
                new MapPropertiesDelegate(),
                engineRest.getConfiguration());
        request.getHeaders().add("Accept", MediaType.APPLICATION_JSON);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContainerResponse response = engineRest.apply(request, out).get();
        return new Answer(response.getStatus(), response, JSON.readTree(out.toString(StandardCharsets.UTF_8)));
    }
}
