package vn.motcua.app.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.outbox.OutboxMessage;
import vn.motcua.outbox.OutboxRepository;
import vn.motcua.outbox.OutboxRepository.Backlog;

/**
 * Drains the outbox: for each topic with a handler, claims due messages, hands them over, and marks
 * them done or schedules a retry with exponential back-off. Exposes each topic's backlog and the
 * age of its oldest waiting message as metrics.
 */
@Component
class OutboxWorker implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int MAX_BATCHES_PER_ROUND = 10;

    private final List<OutboxHandler> handlers;
    private final OutboxRepository outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();

    OutboxWorker(
            List<OutboxHandler> handlers,
            OutboxRepository outbox,
            PlatformTransactionManager transactionManager,
            Clock clock,
            MeterRegistry meters,
            OutboxProperties properties) {
        this.handlers = handlers;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.pollInterval = properties.pollInterval();
        this.firstRetry = properties.firstRetry();
        this.maxRetry = properties.maxRetry();
        for (OutboxHandler handler : handlers) {
            String topic = handler.topic();
            Gauge.builder("motcua.outbox.pending", () -> backlog(topic).pending())
                    .tag("topic", topic)
                    .description("Outbox messages not yet done")
                    .register(meters);
            Gauge.builder("motcua.outbox.lag.seconds", () -> lagSeconds(topic))
                    .tag("topic", topic)
                    .description("Age of the oldest outbox message not yet done")
                    .register(meters);
            log.info(
                    "Outbox topic '{}' is handled by {}",
                    topic,
                    handler.getClass().getSimpleName());
        }
    }

    /** Every {@code motcua.outbox.poll-interval} after the previous round ended. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::drain, pollInterval);
    }

    void drain() {
        for (OutboxHandler handler : handlers) {
            try {
                // A full batch means there may be more waiting; a few batches per round, then the next topic gets
                // its turn, so a backlog of one (the search index after an outage) does not hold up the others.
                for (int i = 0; i < MAX_BATCHES_PER_ROUND && drainOnce(handler) == handler.batchSize(); i++) {
                    // next batch
                }
                backlogs.put(handler.topic(), outbox.backlog(handler.topic()));
            } catch (RuntimeException e) {
                log.warn("Outbox topic '{}' could not be drained now: {}", handler.topic(), e.toString());
            }
        }
    }

    /** One batch in one transaction: the claim's row locks keep other nodes off these messages meanwhile. */
    int drainOnce(OutboxHandler handler) {
        Integer count = transaction.execute(status -> {
            Instant now = clock.instant();
            List<OutboxMessage> batch = outbox.claim(handler.topic(), handler.batchSize(), now);
            if (batch.isEmpty()) {
                return 0;
            }
            Map<Long, String> failures;
            boolean wholeBatch = false;
            try {
                failures = handler.handle(batch);
            } catch (RuntimeException e) {
                // The receiver is away: one line for the batch, not one per message.
                wholeBatch = true;
                log.warn(
                        "Outbox topic '{}': a batch of {} messages failed, each is tried again later: {}",
                        handler.topic(),
                        batch.size(),
                        e.toString());
                failures = new HashMap<>();
                for (OutboxMessage m : batch) {
                    failures.put(m.id(), e.toString());
                }
            }
            Map<Long, String> failed = failures;
            outbox.markDone(
                    batch.stream()
                            .map(OutboxMessage::id)
                            .filter(id -> !failed.containsKey(id))
                            .toList(),
                    now);
            for (OutboxMessage m : batch) {
                String error = failed.get(m.id());
                if (error != null) {
                    outbox.markFailed(m.id(), error, now.plus(retryDelay(m.attempts(), handler.maxRetry())));
                    if (!wholeBatch) {
                        log.warn(
                                "Outbox message {} ({} for {}) failed, attempt {}: {}",
                                m.id(),
                                m.topic(),
                                m.aggregateId(),
                                m.attempts() + 1,
                                error);
                    }
                }
            }
            return batch.size();
        });
        return count == null ? 0 : count;
    }

    /** 5 s, 10 s, 20 s … up to an hour (or the handler's own cap): a provider that is down for a day is not hammered. */
    Duration retryDelay(int attemptsSoFar, Duration handlerMaxRetry) {
        return backOff(firstRetry, handlerMaxRetry != null ? handlerMaxRetry : maxRetry, attemptsSoFar);
    }

    /** {@code first} doubled per attempt so far, never more than {@code cap}. */
    static Duration backOff(Duration first, Duration cap, int attemptsSoFar) {
        Duration delay = first.multipliedBy(1L << Math.min(attemptsSoFar, 20));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private Backlog backlog(String topic) {
        return backlogs.getOrDefault(topic, new Backlog(0, null));
    }

    private double lagSeconds(String topic) {
        Instant oldest = backlog(topic).oldestCreatedAt();
        return oldest == null ? 0 : Duration.between(oldest, clock.instant()).toMillis() / 1000.0;
    }
}
