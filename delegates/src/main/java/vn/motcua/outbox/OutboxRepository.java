package vn.motcua.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The outbox as workers see it. */
@Repository
public class OutboxRepository {

    private final JdbcTemplate jdbc;

    public OutboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the oldest due messages of a topic and locks them until the transaction ends; other
     * nodes skip locked rows, so each message is worked on by one node at a time.
     */
    public List<OutboxMessage> claim(String topic, int limit, Instant now) {
        return jdbc.query(
                """
                select id, topic, aggregate_id, payload, attempts, created_at from outbox
                where topic = ? and done_at is null and next_attempt_at <= ?
                order by id limit ? for update skip locked""",
                (rs, n) -> new OutboxMessage(
                        rs.getLong("id"),
                        rs.getString("topic"),
                        rs.getString("aggregate_id"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant()),
                topic,
                Timestamp.from(now),
                limit);
    }

    public void markDone(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(
                "update outbox set done_at = ?, attempts = attempts + 1, last_error = null where id = any (?)", ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setArray(2, ps.getConnection().createArrayOf("bigint", ids.toArray()));
                });
    }

    public void markFailed(long id, String error, Instant nextAttemptAt) {
        jdbc.update(
                "update outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?",
                error,
                Timestamp.from(nextAttemptAt),
                id);
    }

    /** How many messages of a topic wait, and since when the oldest has waited. */
    public Backlog backlog(String topic) {
        return jdbc.queryForObject(
                """
                select count(*), min(created_at) from outbox where topic = ? and done_at is null""",
                (rs, n) -> new Backlog(
                        rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()),
                topic);
    }

    public record Backlog(long pending, Instant oldestCreatedAt) {}
}
