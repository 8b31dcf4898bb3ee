package vn.motcua.app.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import vn.motcua.app.embedded.StandaloneServers;

/**
 * The application as operations run it: {@code java -jar motcua-app.jar} in a JVM of its own, with a heap
 * cap, against a PostgreSQL and an Elasticsearch of its own under a fresh data folder (started here: the
 * production jar carries no embedded server), with the demo agency and accounts switched on. Its memory is read while it works: heap through its platform MBeans
 * (JMX on a local port), resident memory from /proc.
 */
final class AppProcess implements AutoCloseable {

    private final StandaloneServers servers;
    /** False for a node of several on shared servers: their owner stops them. */
    private final boolean ownsServers;

    private final Process process;
    private final int port;
    private final int postgresPort;
    private final Path dataDir;
    private final JMXConnector jmx;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final List<GarbageCollectorMXBean> collectors = new ArrayList<>();
    private volatile long maxHeapUsed;
    private volatile long maxHeapCommitted;
    private volatile long maxHeapAfterGc;
    private volatile long maxRssKb;
    private volatile boolean sampling;
    private Thread sampler;

    AppProcess(Path jar, Path root, String maxHeap, Path log) throws IOException, InterruptedException {
        port = freePort();
        postgresPort = freePort();
        int jmxPort = freePort();
        dataDir = root.resolve("data");
        if (Statements.ENABLED) {
            Statements.prepareCluster(dataDir.resolve("postgres"));
        }
        servers = StandaloneServers.start(dataDir, postgresPort);
        ownsServers = true;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false"));
        // e.g. -Dbenchmark.app.jvm-options="-XX:StartFlightRecording=dumponexit=true,filename=/tmp/app.jfr"
        String extra = System.getProperty("benchmark.app.jvm-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--motcua.data-dir=" + dataDir,
                // The submissions go to the demo agency.
                "--motcua.security.demo-accounts=true",
                // A benchmark measures throughput from one client: the per-client rate limits would refuse it.
                "--motcua.rate-limits.enabled=false"));
        command.addAll(servers.applicationArguments());
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException | RuntimeException e) {
            servers.close();
            throw e;
        }
        try {
            awaitHealthy(Duration.ofSeconds(240), log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stopApplication();
            servers.close();
            throw e;
        }
        jmx = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
        MBeanServerConnection server = jmx.getMBeanServerConnection();
        memory = ManagementFactory.newPlatformMXBeanProxy(
                server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        for (MemoryPoolMXBean pool : ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class)) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
            }
        }
        collectors.addAll(ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class));
    }

    int port() {
        return port;
    }

    /** The application's database, for statistics; the application keeps running on it. */
    HikariDataSource database() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgresPort + "/motcua");
        config.setUsername("postgres");
        config.setPassword(servers.password()); // the embedded PostgreSQL asks for its generated password
        config.setMaximumPoolSize(2);
        config.setPoolName("benchmark-stats");
        return new HikariDataSource(config);
    }

    long pid() {
        return process.pid();
    }

    /**
     * One node of several on servers started once for all of them ({@link StandaloneServers#start}), which this node
     * neither starts nor stops: the same command as above (heap cap, JMX, demo accounts, no rate limits) with
     * {@code nodeArguments} added, e.g. a node name. The data folder is {@code root}/data.
     */
    AppProcess(
            Path jar,
            StandaloneServers shared,
            Path root,
            String maxHeap,
            Path log,
            List<String> nodeArguments,
            Duration startTimeout)
            throws IOException, InterruptedException {
        servers = shared;
        ownsServers = false;
        port = freePort();
        postgresPort = shared.postgresPort();
        int jmxPort = freePort();
        dataDir = root.resolve("data");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--motcua.data-dir=" + dataDir,
                "--motcua.security.demo-accounts=true",
                "--motcua.rate-limits.enabled=false"));
        command.addAll(shared.applicationArguments());
        command.addAll(nodeArguments);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            awaitHealthy(startTimeout, log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stopApplication();
            throw e;
        }
        jmx = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
        MBeanServerConnection server = jmx.getMBeanServerConnection();
        memory = ManagementFactory.newPlatformMXBeanProxy(
                server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        for (MemoryPoolMXBean pool : ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class)) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
            }
        }
        collectors.addAll(ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class));
    }

    /** {@code kill -9}: the JVM ends at once, its transactions unfinished and its job locks held. */
    void killNow() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path dataDir() {
        return dataDir;
    }

    String heapMax() {
        return mib(memory.getHeapMemoryUsage().getMax());
    }

    /** Samples heap and resident memory every 100 ms until {@link #stopSampling()}. */
    void startSampling() {
        sampling = true;
        sampler = new Thread(
                () -> {
                    while (sampling) {
                        sample();
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void stopSampling() throws InterruptedException {
        sampling = false;
        sampler.join();
        sample();
    }

    private void sample() {
        try {
            MemoryUsage heap = memory.getHeapMemoryUsage();
            maxHeapUsed = Math.max(maxHeapUsed, heap.getUsed());
            maxHeapCommitted = Math.max(maxHeapCommitted, heap.getCommitted());
            long afterGc = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                MemoryUsage collected = pool.getCollectionUsage();
                afterGc += collected == null ? 0 : collected.getUsed();
            }
            maxHeapAfterGc = Math.max(maxHeapAfterGc, afterGc);
            maxRssKb = Math.max(maxRssKb, Machine.residentKb(process.pid())[0]);
        } catch (RuntimeException e) {
            // the process is going away; the last good sample stands
        }
    }

    /** What the report prints: peak heap used, peak committed, peak live set after a collection, peak RSS. */
    Memory memory() {
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        long[] rss = Machine.residentKb(process.pid());
        return new Memory(
                maxHeapUsed, maxHeapCommitted, maxHeapAfterGc, maxRssKb * 1024, rss[1] * 1024, gcCount, gcMillis);
    }

    record Memory(
            long heapUsed,
            long heapCommitted,
            long heapAfterGc,
            long rss,
            long rssPeakKernel,
            long gcCount,
            long gcMillis) {}

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    private void awaitHealthy(Duration timeout, Path log) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The application did not become healthy within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException e) {
                // a killed node's JMX connection is gone already
            }
        }
        try {
            stopApplication();
        } finally {
            if (ownsServers) {
                servers.close(); // after the application, which uses them until it has stopped
            }
        }
    }

    private void stopApplication() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
