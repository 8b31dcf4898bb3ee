package vn.motcua.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * PostgreSQL and Elasticsearch started as the embedded defaults start them, but outside the application, so that
 * the production jar (which carries neither, docs/adr/0006) runs against them as against a real installation.
 */
public final class StandaloneServers implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240); // a busy 2-core machine

    private final EmbeddedPostgres postgres;
    private final EmbeddedElasticsearch elasticsearch;
    private final String password;

    private StandaloneServers(EmbeddedPostgres postgres, EmbeddedElasticsearch elasticsearch, String password) {
        this.postgres = postgres;
        this.password = password;
        this.elasticsearch = elasticsearch;
    }

    /** In {@code dataDir}/postgres and {@code dataDir}/elasticsearch, like the application's own. */
    public static StandaloneServers start(Path dataDir, int postgresPort) throws IOException {
        EmbeddedElasticsearch elasticsearch = new EmbeddedElasticsearch(
                EmbeddedElasticsearchIT.distribution(), dataDir.resolve("elasticsearch"), 0, START_TIMEOUT);
        elasticsearch.start(); // boots in its own process while PostgreSQL starts
        EmbeddedPostgres postgres = null;
        try {
            postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort);
            elasticsearch.awaitReady();
            return new StandaloneServers(
                    postgres, elasticsearch, EmbeddedPostgresServer.password(dataDir.resolve("postgres")));
        } catch (IOException | RuntimeException e) {
            elasticsearch.stop();
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    /** The superuser's password the embedded PostgreSQL generated, for a test's own connection. */
    public String password() {
        return password;
    }

    /** The command-line arguments that point the application at these servers. */
    public List<String> applicationArguments() {
        return List.of(
                "--spring.datasource.url=" + EmbeddedPostgresServer.jdbcUrl(postgres),
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + password,
                "--spring.elasticsearch.uris=" + elasticsearch.uri());
    }

    /** The PostgreSQL server's port, for a test's own connection. */
    public int postgresPort() {
        return postgres.getPort();
    }

    /**
     * {@code kill -9} of Elasticsearch, its launcher and the server's JVM, as a crash or the kernel's OOM killer would;
     * the data stays. {@link #restartElasticsearch()} starts it again.
     */
    public void killElasticsearch() {
        ProcessHandle launcher =
                ProcessHandle.of(elasticsearch.pid().orElseThrow()).orElseThrow();
        launcher.descendants().forEach(ProcessHandle::destroyForcibly); // the server JVM first
        launcher.destroyForcibly();
        launcher.onExit().join();
    }

    /**
     * Starts a killed Elasticsearch again on its port and data, as the application's watchdog does on the embedded
     * defaults (and a service manager would for an installed one), and waits until it is ready.
     */
    public void restartElasticsearch() {
        if (!elasticsearch.restartIfDied()) {
            throw new IllegalStateException("Elasticsearch was still running or was stopped");
        }
        elasticsearch.awaitReady();
    }

    /** Stops both; call it after the application has stopped. */
    @Override
    public void close() throws IOException {
        try {
            elasticsearch.stop();
        } finally {
            postgres.close();
        }
    }
}
