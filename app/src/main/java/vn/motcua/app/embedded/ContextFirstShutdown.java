package vn.motcua.app.embedded;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sun.misc.Signal;

/**
 * On SIGTERM and SIGINT (Ctrl-C), closes the application context before the JVM runs its shutdown hooks.
 * <p>
 * Why: zonky stops the embedded PostgreSQL from a JVM shutdown hook of its own, and JVM hooks run all at once,
 * so PostgreSQL went away while Spring was still closing the engine: its last metrics flush and job acquisition
 * then waited for connections (twice Hikari's 30 s) and filled the log with errors. Closing the context first
 * stops everything in dependency order (engine, DataSource, then PostgreSQL and Elasticsearch); the hooks that
 * run afterwards find nothing left to do. Installed only when something embedded runs; with external services
 * the JVM's own handling is kept.
 */
@Component
class ContextFirstShutdown {

    private static final Logger log = LoggerFactory.getLogger(ContextFirstShutdown.class);

    private final ConfigurableApplicationContext context;
    private final AtomicBoolean closing = new AtomicBoolean();

    ContextFirstShutdown(ConfigurableApplicationContext context, Environment environment) {
        this.context = context;
        if (EmbeddedServer.anyEmbedded(environment)) {
            handle("TERM");
            handle("INT");
        }
    }

    private void handle(String name) {
        try {
            Signal.handle(new Signal(name), this::closeThenExit);
        } catch (IllegalArgumentException e) {
            log.debug(
                    "Cannot handle SIG{} here ({}); the JVM's shutdown hooks will stop the embedded services",
                    name,
                    e.getMessage());
        }
    }

    private void closeThenExit(Signal signal) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            // Waits for a refresh under way: close() and refresh() share one monitor.
            context.close();
        } finally {
            System.exit(128 + signal.getNumber()); // the status the JVM itself would give
        }
    }
}
