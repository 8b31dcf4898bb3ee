package vn.motcua.app.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts a PostgreSQL server on its data folder as an operator would: a shutdown signal to the
 * postmaster named in {@code postmaster.pid} (SIGINT is PostgreSQL's "fast" shutdown, SIGQUIT its "immediate"
 * one, which leaves no time to write anything and recovers from the WAL at the next start, like a crash), and a
 * start with the command line the server was started with ({@code postmaster.opts}), so on the same port.
 */
final class PostgresControl {

    enum Shutdown {
        FAST("INT"),
        IMMEDIATE("QUIT");

        final String signal;

        Shutdown(String signal) {
            this.signal = signal;
        }
    }

    private static final Pattern ARGUMENT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");

    private final Path dataDir;
    private final String jdbcUrl;
    private final String password;
    private final Path log;
    /** The servers started here, stopped by {@link #stopStarted()}. */
    private final List<Process> started = new ArrayList<>();

    PostgresControl(Path dataDir, int port, String password, Path log) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        this.password = password;
        this.log = log;
    }

    /** Sends the shutdown signal and waits until the postmaster has gone. */
    void stop(Shutdown mode, Duration timeout) throws IOException, InterruptedException {
        ProcessHandle postmaster =
                postmaster().orElseThrow(() -> new IllegalStateException("no PostgreSQL runs on " + dataDir));
        Process kill = new ProcessBuilder("kill", "-s", mode.signal, Long.toString(postmaster.pid()))
                .redirectErrorStream(true)
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -s " + mode.signal + " " + postmaster.pid() + " failed");
        }
        try {
            postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not stop within " + timeout + " (" + mode + ")", e);
        }
    }

    /** Starts the server again with its last command line and waits until it takes connections. */
    void start(Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; in a user namespace of its own, with no user mapped, it runs as
            // nobody and sees its root-owned data folder as nobody's, like the first start (zonky's) did.
            command.addAll(List.of("unshare", "--user"));
        }
        command.addAll(commandLine(Files.readString(dataDir.resolve("postmaster.opts"), StandardCharsets.UTF_8)));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        started.add(server);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", password)) {
                if (c.isValid(2)) {
                    return;
                }
            } catch (SQLException e) {
                // starting, or recovering from the WAL
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("PostgreSQL stopped while starting again; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not take connections within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** The postmaster now running on the folder, if any. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String first =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
    }

    /** Stops, fast, a server this class started that still runs (the harness stops the first one itself). */
    void stopStarted() throws IOException, InterruptedException {
        for (Process server : started) {
            if (server.isAlive()) {
                new ProcessBuilder("kill", "-s", "INT", Long.toString(server.pid()))
                        .start()
                        .waitFor();
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    /** {@code postmaster.opts}: the program and each argument, double-quoted. */
    static List<String> commandLine(String opts) {
        List<String> arguments = new ArrayList<>();
        Matcher m = ARGUMENT.matcher(opts.strip());
        while (m.find()) {
            arguments.add(m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2));
        }
        if (arguments.isEmpty()) {
            throw new IllegalStateException("postmaster.opts is empty");
        }
        return arguments;
    }
}
