package vn.motcua.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

    @Test
    void thePoolTimingOutOrAConnectionRefusedIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(new RuntimeException(
                        "ENGINE-03004", new SQLTransientConnectionException("motcua - Connection is not available"))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no connection")))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(
                        new RuntimeException(new SQLException("Connection to localhost refused", "08001"))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }

    @Test
    void aRollbackThatFailedAfterTheConnectionBrokeIsAnOutage() {
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException(
                "PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseOutage.causedBy(new RuntimeException("Request processing failed", rollback)))
                .isTrue();

        // the commit's I/O error broke the connection; Spring throws the rollback's failure on the closed
        // connection, the commit's error only logged (seen in FaultBenchmark, immediate shutdown)
        TransactionSystemException afterTheCommit =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseOutage.causedBy(new RuntimeException("ENGINE-16004", afterTheCommit)))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("serialization failure", "40001"))))
                .isFalse();

        TransactionSystemException ofABug =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        ofABug.initApplicationException(new IllegalStateException("bug"));
        assertThat(DatabaseOutage.causedBy(ofABug)).isFalse();
    }

    @Test
    void anErrorOfTheRequestOrTheCodeIsNot() {
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException(
                        "duplicate", new SQLException("duplicate key value", "23505"))))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("value too long", "22001")))
                .isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseOutage.causedBy(a)).isFalse();
    }
}
