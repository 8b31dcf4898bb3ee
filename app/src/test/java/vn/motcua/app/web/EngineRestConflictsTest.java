package vn.motcua.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

class EngineRestConflictsTest {

    @Test
    void aLostRaceOnTheEngineRestApiIsAConflictInCamundasErrorShape() {
        Response response = new EngineRestConflicts.LostRace().toResponse(new OptimisticLockingException("lost"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((Map<?, ?>) response.getEntity()).get("type")).isEqualTo("OptimisticLockingException");
    }

    @Test
    void theMapperIsRegisteredWithTheEngineRestApi() {
        ResourceConfig config = new ResourceConfig();
        new EngineRestConflicts().engineRestConflictStatus().customize(config);

        assertThat(config.getClasses()).contains(EngineRestConflicts.LostRace.class);
    }
}
