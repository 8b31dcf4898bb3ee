package vn.motcua.outbox;

import java.time.Instant;

/** One piece of work waiting in the outbox. {@code id} is unique and stable: receivers may use it to drop duplicates. */
public record OutboxMessage(
        long id, String topic, String aggregateId, String payload, int attempts, Instant createdAt) {}
