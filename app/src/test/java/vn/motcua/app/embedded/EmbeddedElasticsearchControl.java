package vn.motcua.app.embedded;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.context.ApplicationContext;

/**
 * Lets a test stop the embedded Elasticsearch of a running application and start it again on the same port and
 * data folder, as an outage and its end look to the application. The application's own bean stays stopped; the
 * restarted server belongs to this object, which stops it in {@link #close()} (after the application is closed).
 */
public final class EmbeddedElasticsearchControl implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240); // a busy 2-core machine

    private final Path home;
    private final int port;
    private EmbeddedElasticsearch current;
    private EmbeddedElasticsearch restarted;

    private EmbeddedElasticsearchControl(EmbeddedElasticsearch current, Path home) {
        this.current = current;
        this.home = home;
        this.port = current.port();
    }

    /** @param dataDir the application's {@code motcua.data-dir} */
    public static EmbeddedElasticsearchControl of(ApplicationContext app, Path dataDir) {
        return new EmbeddedElasticsearchControl(
                app.getBean(EmbeddedElasticsearch.class), dataDir.resolve("elasticsearch"));
    }

    /** Stops the server as a shutdown would (the data stays); returns when its processes are gone. */
    public synchronized void stop() {
        current.stop();
    }

    /** Starts it again on the same port and data, and returns once its cluster health is yellow or green. */
    public synchronized void start() {
        restarted = new EmbeddedElasticsearch(current.distribution(), home, port, START_TIMEOUT);
        restarted.start();
        restarted.awaitReady();
        current = restarted;
    }

    public synchronized boolean isRunning() {
        return current.isRunning();
    }

    @Override
    public synchronized void close() {
        if (restarted != null) {
            restarted.stop();
        }
    }
}
