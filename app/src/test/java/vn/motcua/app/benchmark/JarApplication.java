package vn.motcua.app.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The production jar in a JVM of its own on given servers and port, that can be killed ({@code kill -9}) and started
 * again on the same data: what the fault run needs beyond {@link AppProcess}, which owns its servers and lives once.
 * Each start appends to the same log.
 */
final class JarApplication implements AutoCloseable {

    private final List<String> command;
    private final int port;
    private final Path log;
    private Process process;

    JarApplication(Path jar, String maxHeap, int port, Path dataDir, List<String> serverArguments, Path log) {
        this.port = port;
        this.log = log;
        List<String> c = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--motcua.data-dir=" + dataDir,
                // The submissions go to the demo agency.
                "--motcua.security.demo-accounts=true",
                // Many clients from one address: the per-client rate limits would refuse them.
                "--motcua.rate-limits.enabled=false"));
        c.addAll(serverArguments);
        this.command = List.copyOf(c);
    }

    /** Starts the JVM and waits until {@code /actuator/health} says UP; returns how long that took. */
    Duration start(Duration timeout) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitHealthy(timeout);
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** {@code kill -9}: the JVM gets no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
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
            Thread.sleep(250);
        }
        throw new IllegalStateException("The application did not become healthy within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
