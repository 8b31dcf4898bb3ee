package vn.motcua.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Elasticsearch server from the build's distribution ({@link ElasticsearchDistribution}), run as a child
 * process so that one command runs the whole system. Everything it keeps lives under {@code home}, normally
 * {@code <motcua.data-dir>/elasticsearch}:
 * <pre>
 * dist-&lt;version&gt;/    the distribution, unpacked on the first start; its config/ also receives the keystore
 * data/ logs/ tmp/     path.data, path.logs and the server JVM's temporary files
 * elasticsearch.pid    the launcher process we started; server.pid is the server JVM, written by Elasticsearch
 * instance.lock        held while running, so a second application on the same folder fails with a clear message
 * </pre>
 * {@link #start()} returns at once and prepares and launches the server on a background thread, so the rest of
 * the application boots meanwhile; {@link #awaitReady()} blocks until the cluster answers green or yellow;
 * {@link #stop()} stops it (also called from a JVM shutdown hook). As root it runs as nobody
 * ({@link UnprivilegedUser}).
 */
final class EmbeddedElasticsearch {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    static final String HOST = ElasticsearchCommand.HOST;

    private static final String PID_FILE = "elasticsearch.pid";
    private static final String SERVER_PID_FILE = "server.pid";
    private static final String LOCK_FILE = "instance.lock";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ElasticsearchDistribution distribution;
    private final Path home;
    private final int port;
    private final Duration startTimeout;
    private final boolean asRoot = UnprivilegedUser.runningAsRoot();

    private final Object lifecycle = new Object();
    private CompletableFuture<Process> launch; // guarded by lifecycle
    private boolean stopped; // guarded by lifecycle
    private long launchedAtNanos; // guarded by lifecycle
    private FileChannel lockChannel; // guarded by lifecycle
    private ServerOutput output; // guarded by lifecycle
    private Thread shutdownHook; // guarded by lifecycle

    /** {@code port} 0 means a free port. */
    EmbeddedElasticsearch(ElasticsearchDistribution distribution, Path home, int port, Duration startTimeout) {
        this.distribution = distribution;
        this.home = home.toAbsolutePath().normalize();
        this.port = port > 0 ? port : freePort();
        this.startTimeout = startTimeout;
    }

    ElasticsearchDistribution distribution() {
        return distribution;
    }

    int port() {
        return port;
    }

    URI uri() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** Prepares and launches the server on a background thread and returns at once. */
    void start() {
        CompletableFuture<Process> started = new CompletableFuture<>();
        synchronized (lifecycle) {
            if (launch != null) {
                throw new IllegalStateException("The embedded Elasticsearch was already started once");
            }
            launch = started;
            launchedAtNanos = System.nanoTime();
        }
        Thread starter = new Thread(
                () -> {
                    try {
                        started.complete(launch());
                    } catch (Throwable e) {
                        releaseLock();
                        started.completeExceptionally(e);
                    }
                },
                "embedded-elasticsearch-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Blocks until the cluster health is green or yellow. After a restart this also waits for the existing indices
     * to recover from disk. Fails with the end of the server's output when the server dies or the start timeout,
     * counted from {@link #start()}, passes.
     */
    void awaitReady() {
        CompletableFuture<Process> started;
        long deadline;
        synchronized (lifecycle) {
            if (launch == null) {
                throw new IllegalStateException("The embedded Elasticsearch was not started");
            }
            started = launch;
            deadline = launchedAtNanos + startTimeout.toNanos();
        }
        Process process;
        try {
            process = started.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "The embedded Elasticsearch could not be launched: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw failure("was still being prepared (unpacking, cleaning up) after " + startTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded Elasticsearch", e);
        }

        ClusterHealth health = new ClusterHealth(uri());
        while (true) {
            String status = health.status();
            if (ClusterHealth.usable(status)) {
                log.info(
                        "Embedded Elasticsearch {} is ready at {} (cluster health {}) {} s after launch",
                        distribution.version(),
                        uri(),
                        status,
                        secondsSince(started()));
                return;
            }
            if (!process.isAlive()) {
                output().awaitDrained();
                throw failure("exited with code " + process.exitValue() + " while starting");
            }
            if (System.nanoTime() - deadline > 0) {
                throw failure("was not ready within " + startTimeout.toSeconds() + " s (cluster health: " + status
                        + "; raise motcua.embedded.elasticsearch.start-timeout if this machine is slow)");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded Elasticsearch", e);
            }
        }
    }

    /**
     * Stops the server: SIGTERM to the launcher, which shuts the server down cleanly, then a kill if it is
     * still there after 30 s. Safe to call more than once and from a shutdown hook; the first caller
     * blocks until the processes are gone.
     */
    void stop() {
        CompletableFuture<Process> started;
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            stopped = true;
            started = launch;
        }
        try {
            if (started == null) {
                return;
            }
            Process process;
            try {
                process = started.join(); // a launch under way either finishes or sees `stopped` and gives up
            } catch (CompletionException | CancellationException e) {
                return;
            }
            long t0 = System.nanoTime();
            if (ServerProcesses.terminate(process.toHandle(), "embedded Elasticsearch", STOP_TIMEOUT)) {
                log.info(
                        "Embedded Elasticsearch stopped in {} s (data kept in {})",
                        secondsSince(t0),
                        home.resolve("data"));
            }
            Files.deleteIfExists(home.resolve(PID_FILE));
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", home.resolve(PID_FILE), e.toString());
        } finally {
            releaseLock();
            removeShutdownHook();
        }
    }

    /**
     * Relaunches the server, on the same port and data, when the process we launched has died; nothing when it
     * runs, is still being launched, or was stopped. Blocks while launching (not until ready).
     *
     * @return whether it relaunched
     */
    boolean restartIfDied() {
        CompletableFuture<Process> previous;
        synchronized (lifecycle) {
            if (stopped || launch == null || !launch.isDone()) {
                return false;
            }
            previous = launch;
        }
        Process process = previous.isCompletedExceptionally() ? null : previous.join();
        if (process != null && process.isAlive()) {
            return false;
        }
        log.warn(
                "Embedded Elasticsearch {} (exit code {}): restarting it on {}",
                process == null ? "failed to launch" : "died (pid " + process.pid() + ")",
                process == null ? "none" : String.valueOf(process.exitValue()),
                uri());
        removeShutdownHook();
        releaseLock();
        CompletableFuture<Process> relaunch = new CompletableFuture<>();
        synchronized (lifecycle) {
            if (stopped) {
                return false;
            }
            launch = relaunch;
            launchedAtNanos = System.nanoTime();
        }
        try {
            relaunch.complete(launch());
        } catch (IOException | RuntimeException e) {
            releaseLock();
            relaunch.completeExceptionally(e);
            throw new IllegalStateException("The embedded Elasticsearch could not be relaunched", e);
        }
        return true;
    }

    /** Whether the process we launched is alive (false before the launch finished and after stop). */
    boolean isRunning() {
        return launched().map(Process::isAlive).orElse(false);
    }

    /** The pid of the process we launched, if it was launched. */
    Optional<Long> pid() {
        return launched().map(Process::pid);
    }

    private Optional<Process> launched() {
        CompletableFuture<Process> started;
        synchronized (lifecycle) {
            started = launch;
        }
        return started == null || !started.isDone() || started.isCompletedExceptionally()
                ? Optional.empty()
                : Optional.of(started.join());
    }

    private Process launch() throws IOException {
        Path data = Files.createDirectories(home.resolve("data"));
        Path logs = Files.createDirectories(home.resolve("logs"));
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        if (asRoot) {
            UnprivilegedUser.checkCanReach(home);
        }
        // Refuses to share the folder with another running application: it would kill that one's server as a leftover.
        FileChannel lock = ServerProcesses.lock(home.resolve(LOCK_FILE), "Elasticsearch");
        synchronized (lifecycle) {
            lockChannel = lock;
        }
        stopLeftovers();
        Path dist = distribution.unpackInto(home);
        if (asRoot) {
            UnprivilegedUser.handOver(home);
        }

        ProcessBuilder builder = ElasticsearchCommand.of(dist, port, data, logs, tmp, home.resolve(SERVER_PID_FILE))
                .asUnprivilegedUser(asRoot)
                .processBuilder();

        synchronized (lifecycle) {
            if (stopped) {
                throw new CancellationException("Stopped before Elasticsearch was launched");
            }
            Process process = builder.start();
            Files.writeString(home.resolve(PID_FILE), process.pid() + "\n");
            output = ServerOutput.follow(process);
            shutdownHook = new Thread(this::stop, "embedded-elasticsearch-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            log.info(
                    "Embedded Elasticsearch {} launched (pid {}) on {}{}: data in {}, logs in {}",
                    distribution.version(),
                    process.pid(),
                    uri(),
                    asRoot
                            ? " as user nobody (uid " + UnprivilegedUser.ID
                                    + ") since Elasticsearch refuses to run as root"
                            : "",
                    data,
                    logs);
            return process;
        }
    }

    /**
     * A run that ended without stopping its server (the JVM was killed) leaves the server running: it holds the
     * data folder's lock, so a new one could not start.
     */
    private void stopLeftovers() throws IOException {
        for (String pidFile : List.of(PID_FILE, SERVER_PID_FILE)) {
            Path file = home.resolve(pidFile);
            Optional<ProcessHandle> leftover = ServerProcesses.leftover(file, home);
            if (leftover.isPresent()) {
                log.warn(
                        "An Elasticsearch left running by an earlier run (pid {}) still uses {}: stopping it",
                        leftover.get().pid(),
                        home);
                ServerProcesses.terminate(leftover.get(), "leftover Elasticsearch", STOP_TIMEOUT);
            }
            Files.deleteIfExists(file);
        }
    }

    private void releaseLock() {
        FileChannel channel;
        synchronized (lifecycle) {
            channel = lockChannel;
            lockChannel = null;
        }
        if (channel != null) {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                log.debug("Closing {}: {}", LOCK_FILE, e.toString());
            }
        }
    }

    private ServerOutput output() {
        synchronized (lifecycle) {
            return output;
        }
    }

    private IllegalStateException failure(String what) {
        ServerOutput out = output();
        List<String> lines = out == null ? List.of() : out.lastLines();
        return new IllegalStateException("The embedded Elasticsearch " + distribution.version() + " on port " + port
                + " " + what + ". Its log is "
                + home.resolve("logs").resolve(ElasticsearchCommand.CLUSTER_NAME + ".log")
                + "; the last lines of its output:\n"
                + (lines.isEmpty() ? "(none)" : String.join("\n", lines)));
    }

    private void removeShutdownHook() {
        Thread hook;
        synchronized (lifecycle) {
            hook = shutdownHook;
            shutdownHook = null;
        }
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    private long started() {
        synchronized (lifecycle) {
            return launchedAtNanos;
        }
    }

    private static String secondsSince(long nanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - nanos) / 1e9);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded Elasticsearch", e);
        }
    }
}
