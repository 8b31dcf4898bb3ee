package vn.motcua.outbox;

import java.util.List;
import java.util.Map;

/** Does the outbox's work of one topic: sends the SMS, the e-mail, the index update. */
public interface OutboxHandler {

    String topic();

    /** How many messages one call may take. */
    default int batchSize() {
        return 20;
    }

    /**
     * Does the work for a batch. May be called again for a message whose earlier attempt's outcome
     * was lost (a crash after sending), so receivers should use the message id to drop duplicates.
     *
     * @return the error of each message that failed, by message id; the others count as done
     */
    Map<Long, String> handle(List<OutboxMessage> batch);
}
