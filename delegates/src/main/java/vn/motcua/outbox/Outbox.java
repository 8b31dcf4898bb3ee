package vn.motcua.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records work for another system (the search index, an SMS provider, a mail server) in the same
 * transaction as the change it comes from. Workers do it after the commit, and retry until it is
 * done, so a provider that is down never loses or blocks a dossier.
 */
@Component
public class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Must run inside the transaction of the change, which it then commits or rolls back with. */
    public void add(String topic, String aggregateId, Object payload) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into outbox (topic, aggregate_id, payload, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?)""", topic, aggregateId, json(payload), now, now);
    }

    private static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox payload cannot be written as JSON: " + payload, e);
        }
    }
}
