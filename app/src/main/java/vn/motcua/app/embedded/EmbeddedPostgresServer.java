package vn.motcua.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the PostgreSQL that ships inside the application (zonky's binaries) on a data folder that is kept
 * between runs, and makes sure the application's database exists.
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "motcua";
    static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_TIMEOUT = Duration.ofSeconds(60);

    private EmbeddedPostgresServer() {}

    /** {@code port} 0 means a free port. The caller closes the result, which stops the server and keeps the data. */
    static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        ensureNotInUse(dir);
        stopLeftoverServer(dir);
        boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
        long t0 = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // Deterministic cluster whatever the machine's LANG; UTF-8 is passed by zonky already.
                .setLocaleConfig("locale", "C")
                // zonky turns this off for speed in tests; here the data is meant to be kept.
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(STARTUP_WAIT)
                .start();
        try {
            boolean created = createDatabaseIfAbsent(postgres);
            log.info(
                    "Embedded PostgreSQL {} started in {} s on port {}: database {}{}, data in {}{}",
                    serverVersion(postgres),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9),
                    postgres.getPort(),
                    DATABASE,
                    created ? " (created)" : "",
                    dir,
                    fresh ? " (new cluster)" : "");
            return postgres;
        } catch (SQLException e) {
            postgres.close();
            throw new IOException(
                    "The embedded PostgreSQL started but the database " + DATABASE + " could not be prepared", e);
        }
    }

    static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    private static boolean createDatabaseIfAbsent(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists =
                    connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
            return true;
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("show server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * zonky holds a lock on this file while its server runs. Checked before anything else, because the clean-up
     * below must never touch the server of another application that is still running on the same folder.
     * The file is only opened if it exists: initdb wants an empty folder.
     */
    private static void ensureNotInUse(Path dir) throws IOException {
        ServerProcesses.ensureUnlocked(dir.resolve(ZONKY_LOCK_FILE), "PostgreSQL");
    }

    /**
     * PostgreSQL runs detached from the JVM, so a killed application leaves it running on the folder and the next
     * start would fail. Its postmaster.pid names it. SIGTERM is PostgreSQL's "smart" shutdown, which finishes at
     * once since the old clients are gone; if it must be killed, it recovers from its WAL at the next start.
     */
    private static void stopLeftoverServer(Path dir) {
        Optional<ProcessHandle> leftover = ServerProcesses.leftover(dir.resolve("postmaster.pid"), dir);
        if (leftover.isPresent()) {
            log.warn(
                    "A PostgreSQL left running by an earlier run (pid {}) still uses {}: stopping it",
                    leftover.get().pid(),
                    dir);
            ServerProcesses.terminate(leftover.get(), "leftover PostgreSQL", LEFTOVER_STOP_TIMEOUT);
        }
    }
}
