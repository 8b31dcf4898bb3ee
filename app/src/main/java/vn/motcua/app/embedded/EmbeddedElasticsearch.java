package vn.motcua.app.embedded;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Elasticsearch server that ships inside the application (the build copies the distribution zip onto the
 * classpath), run as a child process so that one command runs the whole system. Everything it keeps lives
 * under {@code home}, normally {@code <motcua.data-dir>/elasticsearch}:
 * <pre>
 * dist-&lt;version&gt;/    the distribution, unpacked on the first start; its config/ also receives the keystore
 * data/ logs/ tmp/     path.data, path.logs and the server JVM's temporary files
 * elasticsearch.pid    the launcher process we started; server.pid is the server JVM, written by Elasticsearch
 * instance.lock        held while running, so a second application on the same folder fails with a clear message
 * </pre>
 * {@link #start()} returns at once and prepares and launches the server on a background thread, so the rest of
 * the application boots meanwhile; {@link #awaitReady()} blocks until the cluster answers green or yellow;
 * {@link #stop()} stops it (also called from a JVM shutdown hook).
 */
final class EmbeddedElasticsearch {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    /** The server's console output, at DEBUG only: its log file under logs/ has the same lines. */
    private static final Logger serverOutput = LoggerFactory.getLogger("vn.motcua.embedded.elasticsearch");

    /** nobody/nogroup: Elasticsearch refuses to run as root, so a root JVM starts it as this user. */
    static final int UNPRIVILEGED_ID = 65534;

    static final String HOST = "127.0.0.1";
    /** Also the node name, and the name of its log file under logs/. */
    private static final String CLUSTER_NAME = "motcua-embedded";

    private static final String DISTRIBUTION_LOCATION = "classpath*:embedded/elasticsearch-*.zip";
    private static final Pattern DISTRIBUTION_NAME = Pattern.compile("elasticsearch-(.+)\\.zip");
    private static final Pattern HEALTH_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    private static final String PID_FILE = "elasticsearch.pid";
    private static final String SERVER_PID_FILE = "server.pid";
    private static final String LOCK_FILE = "instance.lock";
    private static final String HEAP = "-Xms512m -Xmx512m";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 60;

    private final Resource distribution;
    private final String version;
    private final Path home;
    private final int port;
    private final Duration startTimeout;
    private final boolean asRoot = runningAsRoot();

    private final Object lifecycle = new Object();
    private final Deque<String> tail = new ArrayDeque<>(); // guarded by itself
    private CompletableFuture<Process> launch; // guarded by lifecycle
    private boolean stopped; // guarded by lifecycle
    private long launchedAtNanos; // guarded by lifecycle
    private FileChannel lockChannel; // guarded by lifecycle
    private Thread outputReader; // guarded by lifecycle
    private Thread shutdownHook; // guarded by lifecycle

    EmbeddedElasticsearch(Resource distribution, String version, Path home, int port, Duration startTimeout) {
        this.distribution = distribution;
        this.version = version;
        this.home = home.toAbsolutePath().normalize();
        this.port = port > 0 ? port : freePort();
        this.startTimeout = startTimeout;
    }

    /** With the distribution the build put on the classpath; {@code port} 0 means a free port. */
    static EmbeddedElasticsearch fromClasspath(Path home, int port, Duration startTimeout) {
        Resource[] found;
        try {
            found = new PathMatchingResourcePatternResolver(EmbeddedElasticsearch.class.getClassLoader())
                    .getResources(DISTRIBUTION_LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot look for the Elasticsearch distribution at " + DISTRIBUTION_LOCATION, e);
        }
        if (found.length == 0) {
            throw new IllegalStateException(
                    "No Elasticsearch distribution at " + DISTRIBUTION_LOCATION
                            + " (the app module's build copies it there); set spring.elasticsearch.uris to use an external Elasticsearch");
        }
        Matcher name = DISTRIBUTION_NAME.matcher(String.valueOf(found[0].getFilename()));
        if (!name.matches()) {
            throw new IllegalStateException("Unexpected Elasticsearch distribution name: " + found[0]);
        }
        return new EmbeddedElasticsearch(found[0], name.group(1), home, port, startTimeout);
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
     * Blocks until the cluster health is green or yellow (yellow is normal for one node: replicas cannot be
     * placed). After a restart this also waits for the existing indices to recover from disk. Fails with the
     * end of the server's output when the server dies or the start timeout, counted from {@link #start()}, passes.
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

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest health = HttpRequest.newBuilder(uri().resolve("/_cluster/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (true) {
            String status = healthStatus(http, health).orElse("unreachable");
            if (status.equals("green") || status.equals("yellow")) {
                log.info(
                        "Embedded Elasticsearch {} is ready at {} (cluster health {}) {} s after launch",
                        version,
                        uri(),
                        status,
                        secondsSince(started()));
                return;
            }
            if (!process.isAlive()) {
                awaitOutputDrained();
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
            if (terminate(process.toHandle(), "embedded Elasticsearch")) {
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

    /** Whether the process we launched is alive (false before the launch finished and after stop). */
    boolean isRunning() {
        CompletableFuture<Process> started;
        synchronized (lifecycle) {
            started = launch;
        }
        return started != null
                && started.isDone()
                && !started.isCompletedExceptionally()
                && started.join().isAlive();
    }

    /** The pid of the process we launched, if it was launched. */
    Optional<Long> pid() {
        CompletableFuture<Process> started;
        synchronized (lifecycle) {
            started = launch;
        }
        if (started == null || !started.isDone() || started.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(started.join().pid());
    }

    private Process launch() throws IOException {
        Path data = Files.createDirectories(home.resolve("data"));
        Path logs = Files.createDirectories(home.resolve("logs"));
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        if (asRoot) {
            checkReachableByUnprivilegedUser();
        }
        lockInstance();
        stopLeftovers();
        Path dist = unpack();
        if (asRoot) {
            handOverToUnprivilegedUser();
        }

        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(
                    List.of(setpriv(), "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups"));
        }
        command.add(dist.resolve("bin").resolve("elasticsearch").toString());
        setting(command, "cluster.name", CLUSTER_NAME);
        setting(command, "node.name", CLUSTER_NAME);
        setting(command, "discovery.type", "single-node");
        // Loopback only: the embedded server is for this application, and has no security.
        setting(command, "network.host", HOST);
        setting(command, "http.port", Integer.toString(port));
        setting(command, "path.data", data.toString());
        setting(command, "path.logs", logs.toString());
        setting(command, "xpack.security.enabled", "false");
        // Nothing that downloads or phones out. Each setting only where its module exists: Elasticsearch
        // refuses unknown settings, and the integ-test distribution has neither machine learning nor geoip.
        if (Files.isDirectory(dist.resolve("modules/x-pack-core"))) {
            setting(command, "xpack.ml.enabled", "false");
        }
        if (Files.isDirectory(dist.resolve("modules/ingest-geoip"))) {
            setting(command, "ingest.geoip.downloader.enabled", "false");
        }
        command.add("-p");
        command.add(home.resolve(SERVER_PID_FILE).toString());

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        // The application's own JVM options (agents, debug ports) must not reach the server's JVMs, nor an
        // ES_PATH_CONF meant for another Elasticsearch.
        env.keySet()
                .removeIf(key -> key.startsWith("ES_")
                        || key.equals("JAVA_TOOL_OPTIONS")
                        || key.equals("_JAVA_OPTIONS")
                        || key.equals("JDK_JAVA_OPTIONS"));
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_JAVA_OPTS", HEAP);
        env.put("ES_TMPDIR", tmp.toString());

        synchronized (lifecycle) {
            if (stopped) {
                throw new CancellationException("Stopped before Elasticsearch was launched");
            }
            Process process = builder.start();
            Files.writeString(home.resolve(PID_FILE), process.pid() + "\n");
            outputReader = readOutput(process);
            shutdownHook = new Thread(this::stop, "embedded-elasticsearch-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            log.info(
                    "Embedded Elasticsearch {} launched (pid {}) on {}{}: data in {}, logs in {}",
                    version,
                    process.pid(),
                    uri(),
                    asRoot
                            ? " as user nobody (uid " + UNPRIVILEGED_ID + ") since Elasticsearch refuses to run as root"
                            : "",
                    data,
                    logs);
            return process;
        }
    }

    private static void setting(List<String> command, String name, String value) {
        command.add("-E");
        command.add(name + "=" + value);
    }

    /** Refuses to share the folder with another running application: it would kill that one's server as a leftover. */
    private void lockInstance() throws IOException {
        FileChannel channel =
                FileChannel.open(home.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another running application uses the embedded Elasticsearch in " + home
                    + ". Stop it first, or give this one another motcua.data-dir.");
        }
        synchronized (lifecycle) {
            lockChannel = channel;
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

    /**
     * A run that ended without stopping its server (the JVM was killed) leaves the server running: it holds the
     * data folder's lock, so a new one could not start. Such a process is recognised by its pid file and by a
     * command line that names this folder; the instance lock guarantees that no live application owns it.
     */
    private void stopLeftovers() throws IOException {
        for (String pidFile : List.of(PID_FILE, SERVER_PID_FILE)) {
            Path file = home.resolve(pidFile);
            Optional<ProcessHandle> leftover =
                    readPid(file).flatMap(ProcessHandle::of).filter(this::isOurs);
            if (leftover.isPresent()) {
                log.warn(
                        "An Elasticsearch left running by an earlier run (pid {}) still uses {}: stopping it",
                        leftover.get().pid(),
                        home);
                terminate(leftover.get(), "leftover Elasticsearch");
            }
            Files.deleteIfExists(file);
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean isOurs(ProcessHandle process) {
        return process.isAlive()
                && process.info()
                        .commandLine()
                        .map(line -> line.contains(home + File.separator))
                        .orElse(false);
    }

    /** SIGTERM, wait, then SIGKILL to the process and whatever it started. True when all are gone. */
    private static boolean terminate(ProcessHandle process, String what) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!awaitExit(process, STOP_TIMEOUT)) {
            log.warn(
                    "The {} (pid {}) did not stop within {} s: killing it",
                    what,
                    process.pid(),
                    STOP_TIMEOUT.toSeconds());
            process.destroyForcibly();
            awaitExit(process, KILL_TIMEOUT);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) { // the server watches its launcher and stops with it; this is a last resort
                child.destroyForcibly();
                awaitExit(child, KILL_TIMEOUT);
            }
        }
        boolean gone = !process.isAlive() && children.stream().noneMatch(ProcessHandle::isAlive);
        if (!gone) {
            log.error("The {} (pid {}) could not be stopped", what, process.pid());
        }
        return gone;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Unpacks the distribution once into {@code dist-<version>}: into a scratch folder first, then renamed, so
     * an interrupted first start never leaves a half distribution that later starts would trust.
     */
    private Path unpack() throws IOException {
        Path dist = home.resolve("dist-" + version);
        if (Files.isDirectory(dist)) {
            return dist;
        }
        long t0 = System.nanoTime();
        log.info("Unpacking Elasticsearch {} into {} (first start only)", version, dist);
        Path scratch = home.resolve("dist-" + version + ".unpacking");
        deleteRecursively(scratch);
        try (InputStream in = distribution.getInputStream();
                ZipInputStream zip = new ZipInputStream(new BufferedInputStream(in))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                // Entries sit under one top folder (elasticsearch-<version>/), which is dropped.
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path target = scratch.resolve(relative).normalize();
                if (!target.startsWith(scratch)) {
                    throw new IOException("Entry outside the distribution folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                // java.util.zip does not carry Unix modes; the scripts in bin/ must be executable.
                if (relative.startsWith("bin/")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        // The server's working directory is the distribution; its jvm.options write gc logs to logs/ there.
        Files.createDirectories(scratch.resolve("logs"));
        Files.createDirectories(scratch.resolve("plugins"));
        Files.move(scratch, dist, StandardCopyOption.ATOMIC_MOVE);
        log.info("Unpacked Elasticsearch {} in {} s", version, secondsSince(t0));
        return dist;
    }

    /**
     * nobody must be able to walk down to the folder (it becomes the folder's owner, so only the parents matter)
     * and to run this JVM. Checking first turns an obscure AccessDeniedException inside Elasticsearch into advice.
     */
    private void checkReachableByUnprivilegedUser() throws IOException {
        Optional<Path> blocked = firstUntraversable(home.getParent());
        if (blocked.isPresent()) {
            throw new IllegalStateException(
                    "The application runs as root, so the embedded Elasticsearch runs as user nobody (uid "
                            + UNPRIVILEGED_ID
                            + "), since Elasticsearch refuses to run as root. But nobody cannot enter "
                            + blocked.get() + " (" + modeOf(blocked.get()) + "), on the way to " + home
                            + ". Either allow it (chmod o+x " + blocked.get() + "), or set motcua.data-dir to a folder"
                            + " that others can reach (e.g. under /srv or /var/lib), or run the application as an ordinary user,"
                            + " or set spring.elasticsearch.uris to use an Elasticsearch of your own.");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Optional<Path> javaBlocked = firstUntraversable(java.getParent());
        if (javaBlocked.isPresent() || (unixInt(java, "mode") & 0001) == 0) {
            throw new IllegalStateException(
                    "The application runs as root, so the embedded Elasticsearch runs as user nobody (uid "
                            + UNPRIVILEGED_ID + ") with this application's Java (" + java
                            + "), but nobody cannot run it"
                            + javaBlocked
                                    .map(p -> " (it cannot enter " + p + ")")
                                    .orElse("")
                            + ". Use a Java installed for all users (e.g. under /usr/lib/jvm), run the application as an ordinary user,"
                            + " or set spring.elasticsearch.uris to use an Elasticsearch of your own.");
        }
    }

    private static Optional<Path> firstUntraversable(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            int mode = unixInt(p, "mode");
            boolean allowed = unixInt(p, "uid") == UNPRIVILEGED_ID
                    ? (mode & 0100) != 0
                    : unixInt(p, "gid") == UNPRIVILEGED_ID ? (mode & 0010) != 0 : (mode & 0001) != 0;
            if (!allowed) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String modeOf(Path p) throws IOException {
        return "mode " + Integer.toOctalString(unixInt(p, "mode") & 07777) + ", owner uid " + unixInt(p, "uid");
    }

    /** Gives the whole folder to nobody; only files that are not yet theirs, so later starts are quick. */
    private void handOverToUnprivilegedUser() throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (unixInt(p, "uid") != UNPRIVILEGED_ID) {
                    Files.setAttribute(p, "unix:uid", UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
                }
                if (unixInt(p, "gid") != UNPRIVILEGED_ID) {
                    Files.setAttribute(p, "unix:gid", UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static int unixInt(Path p, String attribute) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:" + attribute, LinkOption.NOFOLLOW_LINKS);
    }

    private static String setpriv() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "setpriv");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(
                "The application runs as root and needs setpriv (package util-linux) to start the"
                        + " embedded Elasticsearch as user nobody; install it, run as an ordinary user, or set spring.elasticsearch.uris");
    }

    static boolean runningAsRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")); // no /proc (macOS)
        }
    }

    private Thread readOutput(Process process) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
                        for (String line; (line = lines.readLine()) != null; ) {
                            serverOutput.debug(line);
                            synchronized (tail) {
                                if (tail.size() == TAIL_LINES) {
                                    tail.removeFirst();
                                }
                                tail.addLast(line);
                            }
                        }
                    } catch (IOException e) {
                        // the process is gone
                    }
                },
                "embedded-elasticsearch-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private void awaitOutputDrained() {
        Thread reader;
        synchronized (lifecycle) {
            reader = outputReader;
        }
        if (reader != null) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private IllegalStateException failure(String what) {
        List<String> lines;
        synchronized (tail) {
            lines = List.copyOf(tail);
        }
        return new IllegalStateException("The embedded Elasticsearch " + version + " on port " + port + " " + what
                + ". Its log is " + home.resolve("logs").resolve(CLUSTER_NAME + ".log")
                + "; the last lines of its output:\n"
                + (lines.isEmpty() ? "(none)" : String.join("\n", lines)));
    }

    private static Optional<String> healthStatus(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher status = HEALTH_STATUS.matcher(response.body());
            return response.statusCode() == 200 && status.find() ? Optional.of(status.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
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

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
