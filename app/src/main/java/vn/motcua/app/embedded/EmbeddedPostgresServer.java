package vn.motcua.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the PostgreSQL that ships inside the application (zonky's binaries) on a data folder that is kept
 * between runs, and makes sure the application's database exists.
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "motcua";
    static final String USER = "postgres";
    /** Beside the cluster's folder: {@code <data-dir>/postgres.password}. */
    static final String PASSWORD_FILE = "postgres.password";

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
        String password = password(dir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                // zonky's own connections (readiness, the database's creation) sign in like the application
                .setConnectConfig("password", password)
                .setCleanDataDirectory(false)
                .setPort(port)
                // Deterministic cluster whatever the machine's LANG; UTF-8 is passed by zonky already.
                .setLocaleConfig("locale", "C")
                // zonky turns this off for speed in tests; here the data is meant to be kept.
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(STARTUP_WAIT)
                .start();
        try {
            requirePassword(postgres, dir, password);
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

    /**
     * The superuser's password, generated at the first start into {@value #PASSWORD_FILE} beside the data folder
     * (readable by its owner only) and kept there.
     */
    static String password(Path dataDirectory) throws IOException {
        Path file = dataDirectory.toAbsolutePath().normalize().resolveSibling(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.createDirectories(file.getParent());
        Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Cannot restrict the permissions of {}: keep the data folder private", file);
        }
        return password;
    }

    /**
     * zonky's {@code initdb} trusts every local connection: any user of the machine could sign in as the superuser
     * and run programs ({@code COPY … TO PROGRAM}). The superuser gets the generated password and every line of
     * {@code pg_hba.conf} asks for it (SCRAM), local socket included; the configuration is reloaded at once.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path dir, String password)
            throws SQLException, IOException {
        Path hba = dir.resolve("pg_hba.conf");
        String rules = Files.readString(hba, StandardCharsets.UTF_8);
        if (rules.lines().noneMatch(EmbeddedPostgresServer::trusts)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role " + USER + " password '" + password + "'");
            Files.writeString(
                    hba,
                    rules.lines()
                                    .map(line -> trusts(line) ? line.replace(" trust", " scram-sha-256") : line)
                                    .collect(Collectors.joining("\n"))
                            + "\n",
                    StandardCharsets.UTF_8);
            statement.execute("select pg_reload_conf()");
        }
        log.info(
                "Embedded PostgreSQL: the superuser now signs in with the password in {}",
                dir.resolveSibling(PASSWORD_FILE));
    }

    /** A rule of {@code pg_hba.conf} (not a comment) that lets connections in without a password. */
    static boolean trusts(String line) {
        return !line.stripLeading().startsWith("#") && line.strip().matches(".*\\strust");
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
