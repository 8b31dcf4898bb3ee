package vn.motcua.app.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes nodes that start at the same time on one database start one after the other. Before the engine creates or
 * checks its schema, this node takes a PostgreSQL advisory lock on a connection of its own and holds it until the
 * application is ready (or has failed to start), so the engine's schema creation, the procedure deployments, the
 * migrations, the role groups and authorizations, the agencies and demo accounts, Camunda's task filter and the
 * search index are each made by one node and found by the next. Those steps check before they create, which is
 * right for one node at a time and fails (or, for the filter, duplicates) when two nodes check at the same moment.
 * A node that dies while starting loses its connection, and with it the lock; one that hangs is waited for {@link
 * #MAX_WAIT} at most. Nothing is held once started.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin {

    /** The lock's key, one for the whole database: "motcua-s" as a number. */
    static final long KEY = 0x6d6f74637561_2d73L;

    /** A node that started but never became ready (hung) holds the lock: after this long the next one goes on. */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final DataSource dataSource;
    private Connection held;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = dataSource.getConnection();
            try {
                if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                    connection.close();
                    return;
                }
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    if (!statement.execute("select pg_try_advisory_lock(" + KEY + ")") || !firstBoolean(statement)) {
                        log.info("Another node is starting on this database: waiting for it before starting this one");
                        statement.execute("select pg_advisory_lock(" + KEY + ")");
                        log.info("The other node has started; starting this one");
                    }
                }
                held = connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock on the database", e);
        }
    }

    private static boolean firstBoolean(Statement statement) throws SQLException {
        try (var rows = statement.getResultSet()) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
    public synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_unlock(" + KEY + ")");
            }
        } catch (SQLException e) {
            // closing the connection releases the lock as well
            log.debug("Releasing the start-up lock: {}", e.toString());
        } finally {
            held = null;
        }
    }
}
