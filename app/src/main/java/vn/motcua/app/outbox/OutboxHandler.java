package vn.motcua.app.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.motcua.outbox.OutboxMessage;

/** Does the outbox's work of one topic: sends the SMS, the e-mail, the index update. */
public interface OutboxHandler {

    String topic();

    /** How many messages one call may take. */
    default int batchSize() {
        return 20;
    }

    /**
     * The longest wait between two attempts of a failed message, or {@code null} for the worker's
     * {@code motcua.outbox.max-retry} (an hour). A handler whose receiver comes back by itself and whose
     * delay matters (the search index) keeps it short, so it catches up soon after an outage.
     */
    default Duration maxRetry() {
        return null;
    }

    /**
     * Does the work for a batch. May be called again for a message whose earlier attempt's outcome
     * was lost (a crash after sending), so receivers should use the message id to drop duplicates.
     *
     * @return the error of each message that failed, by message id; the others count as done
     */
    Map<Long, String> handle(List<OutboxMessage> batch);
}
