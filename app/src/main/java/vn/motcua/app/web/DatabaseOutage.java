package vn.motcua.app.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether an error comes from the database being out of reach (stopped, restarting, the pool waiting in vain for a
 * connection) rather than from the request: such a request is answered 503 with {@code Retry-After}, never 500,
 * and the pool reconnects by itself once the server is back (docs/reliability.md#faults).
 */
final class DatabaseOutage {

    /** What a client is told to wait before trying again: about the time PostgreSQL takes to restart. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private static final int MAX_DEPTH = 32;

    private DatabaseOutage() {}

    /**
     * True when {@code error} or one of its causes says the database could not be reached: the pool's time-out,
     * a refused or broken connection (SQL state class 08), the server shutting down or starting (57P01–57P03),
     * Spring's wrappers of these, a failed rollback that overrode one of these, or a failed rollback on a connection
     * the pool had closed after the commit broke it.
     */
    static boolean causedBy(Throwable error) {
        return causedBy(error, 0);
    }

    private static boolean causedBy(Throwable error, int nesting) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            // The connection broke mid-transaction, so the rollback failed too: Spring then throws the rollback's
            // error ("Connection is closed", no SQL state) and keeps the first one aside, not as a cause.
            if (cause instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && nesting < 2
                    && causedBy(rollback.getApplicationException(), nesting + 1)) {
                return true;
            }
            // The connection broke at the commit: the pool closed it, so the rollback that follows fails on the
            // closed connection (an SQLException without SQL state), and Spring throws that rollback's error with
            // nothing behind it, the commit's own error only logged. Seen when PostgreSQL dies under a commit.
            if (cause instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() == null
                    && rollback.getCause() instanceof SQLException closed
                    && closed.getSQLState() == null) {
                return true;
            }
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionState(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.equals("57P01")
                        || sqlState.equals("57P02")
                        || sqlState.equals("57P03"));
    }
}
