package vn.motcua.app.embedded;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Supervises the embedded Elasticsearch: every {@link #INTERVAL} it checks the process it launched and
 * relaunches it, on the same port and data, when it has died (killed, out of memory). Search answers 503 meanwhile;
 * the indexer's outbox retries its messages, so the index catches up once the server is back. Nothing is done
 * after the application has stopped the server.
 */
final class ElasticsearchWatchdog implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchWatchdog.class);

    private final EmbeddedElasticsearch elasticsearch;
    private ScheduledExecutorService timer;

    ElasticsearchWatchdog(EmbeddedElasticsearch elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-elasticsearch-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            elasticsearch.restartIfDied();
        } catch (RuntimeException e) {
            log.error("Could not restart the embedded Elasticsearch; trying again in {} s", INTERVAL.toSeconds(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** After the readiness gate (which waits for the first start), stopped before the beans that use the server. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1;
    }
}
