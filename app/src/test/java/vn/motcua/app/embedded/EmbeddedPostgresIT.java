package vn.motcua.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The embedded PostgreSQL on its own, as the application runs it, on a fresh folder under /tmp. */
class EmbeddedPostgresIT {

    @TempDir
    Path folder;

    @Test
    void rowsSurviveARestartAndNoServerIsLeftBehind() throws Exception {
        Path data = folder.resolve("postgres");

        long firstPostmaster;
        try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(data, 0)) {
            firstPostmaster = postmasterPid(data);
            try (Connection connection = connect(postgres);
                    Statement sql = connection.createStatement()) {
                sql.execute("create table survivor (code text primary key, applicant text not null)");
                sql.execute("insert into survivor values ('HS-001', 'Nguyễn Thị Ánh')");
            }
        }
        assertGone(firstPostmaster);
        assertThat(data.resolve("postmaster.pid")).doesNotExist();

        long secondPostmaster;
        try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(data, 0);
                Connection connection = connect(postgres);
                Statement sql = connection.createStatement()) {
            secondPostmaster = postmasterPid(data);
            try (ResultSet rows = sql.executeQuery("select applicant from survivor where code = 'HS-001'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Nguyễn Thị Ánh");
            }
            try (ResultSet rows = sql.executeQuery(
                    "select pg_encoding_to_char(encoding) from pg_database where datname = current_database()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("UTF8");
            }
        }
        assertGone(secondPostmaster);
    }

    @Test
    void noOneSignsInWithoutThePasswordNotEvenOverTheLocalSocket() throws Exception {
        Path data = folder.resolve("postgres");
        try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(data, 0)) {
            String url = EmbeddedPostgresServer.jdbcUrl(postgres);

            assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedPostgresServer.USER, null))
                    .isInstanceOf(java.sql.SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "postgres"))
                    .hasMessageContaining("password authentication failed");
            assertThat(java.nio.file.Files.readAllLines(data.resolve("pg_hba.conf")))
                    .noneMatch(EmbeddedPostgresServer::trusts)
                    .anyMatch(rule -> rule.startsWith("local") && rule.endsWith("scram-sha-256"));
            assertThat(java.nio.file.Files.getPosixFilePermissions(
                            folder.resolve(EmbeddedPostgresServer.PASSWORD_FILE)))
                    .containsExactlyInAnyOrder(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            try (Connection connection = connect(postgres)) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    /**
     * The embedded server reaches Boot as connection details, never as spring.datasource.url, so the application
     * still counts as embedded (demo accounts, shutdown order) while it runs.
     */
    @Test
    void embeddedModeHoldsWhileTheEmbeddedServerRuns() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .withBean(DataDirectoryProperties.class, () -> new DataDirectoryProperties(folder))
                .withBean(
                        EmbeddedProperties.class,
                        () -> new EmbeddedProperties(
                                new EmbeddedProperties.Postgres(null),
                                new EmbeddedProperties.Elasticsearch(null, Duration.ofSeconds(120), null)))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JdbcConnectionDetails.class);
                    assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl())
                            .startsWith("jdbc:postgresql://localhost:");
                    assertThat(EmbeddedServer.POSTGRES.isEmbedded(context.getEnvironment()))
                            .isTrue();
                });
    }

    /** pg_ctl's wait ends when the pid file is removed, a moment before the postmaster has exited. */
    private static void assertGone(long pid) throws Exception {
        ProcessHandle.of(pid)
                .ifPresent(p ->
                        p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    private Connection connect(EmbeddedPostgres postgres) throws Exception {
        return DriverManager.getConnection(
                EmbeddedPostgresServer.jdbcUrl(postgres),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.password(folder.resolve("postgres")));
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }
}
