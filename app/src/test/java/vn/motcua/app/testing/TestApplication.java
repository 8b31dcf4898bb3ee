package vn.motcua.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import vn.motcua.app.MotcuaApplication;
import vn.motcua.app.security.DemoAccounts;

/**
 * The application as the integration tests run it: on its embedded defaults (the PostgreSQL and Elasticsearch it
 * starts itself) with a data folder of its own, on a free port. {@link #close()} stops it and deletes the folder.
 *
 * <pre>{@code
 * app = TestApplication.start("desk-payment-it", "--motcua.outbox.poll-interval=PT0.1S");
 * app.http().get().uri("/api/public/procedures")...;
 * app.completeTask(code, "tiepnhan01", Map.of("receiptDecision", "accept"));
 * }</pre>
 */
public final class TestApplication implements AutoCloseable {

    /** The demo accounts' password. */
    public static final String PASSWORD = DemoAccounts.PASSWORD;

    private final Path dataDir;
    private final List<String> extraArguments;
    private ConfigurableApplicationContext context;
    private RestClient http;

    private TestApplication(Path dataDir, List<String> extraArguments) {
        this.dataDir = dataDir;
        this.extraArguments = extraArguments;
    }

    /**
     * Starts the application with a new data folder {@code motcua-<name>-…} under the temporary folder.
     *
     * @param extraArguments further {@code --property=value} arguments, after the port and the data folder
     */
    public static TestApplication start(String name, String... extraArguments) throws IOException {
        Path dataDir = Files.createTempDirectory("motcua-" + name + "-");
        // the embedded PostgreSQL runs its binaries from under the data folder
        dataDir.toFile().setExecutable(true, false);
        TestApplication app = new TestApplication(dataDir, List.of(extraArguments));
        try {
            app.boot();
        } catch (RuntimeException | Error e) {
            app.deleteDataDir();
            throw e;
        }
        return app;
    }

    private void boot() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--motcua.data-dir=" + dataDir));
        arguments.addAll(extraArguments);
        context = new SpringApplicationBuilder(MotcuaApplication.class).run(arguments.toArray(String[]::new));
        http = RestClient.builder().baseUrl(baseUrl()).build();
    }

    /** Stops and starts the application again on the same data folder and arguments (a new port). */
    public void restart() {
        stop();
        startAgain();
    }

    /** Stops the application and keeps its data folder, for {@link #startAgain()}. */
    public void stop() {
        context.close();
    }

    /** Starts the stopped application again on the same data folder and arguments (a new port). */
    public void startAgain() {
        boot();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code http://localhost:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The absolute address of {@code path} (which starts with a slash and is already encoded). */
    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** A client with the base URL and no credentials; 4xx and 5xx answers throw, as RestClient's default. */
    public RestClient http() {
        return http;
    }

    /** A client with the base URL that signs in as {@code user} with HTTP Basic. */
    public RestClient http(String user) {
        return http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, basic(user))
                .build();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The {@code Authorization} header value for a demo account: HTTP Basic with {@link #PASSWORD}. */
    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Claims and completes, as {@code user} over the engine's REST API, the one task of the dossier {@code code}
     * that {@code user} can see, with the given variables.
     */
    public void completeTask(String code, String user, Map<String, Object> values) {
        RestClient engine = http(user);
        JsonNode tasks = engine.get()
                .uri("/engine-rest/task?processInstanceBusinessKey={code}&firstResult=0&maxResults=10", code)
                .retrieve()
                .body(JsonNode.class);
        assertThat(tasks).as("the open task %s can see", user).hasSize(1);
        String taskId = tasks.get(0).path("id").asText();
        engine.post()
                .uri("/engine-rest/task/{id}/claim", taskId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", user))
                .retrieve()
                .toBodilessEntity();
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        engine.post()
                .uri("/engine-rest/task/{id}/complete", taskId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", variables))
                .retrieve()
                .toBodilessEntity();
    }

    /** Stops the application and deletes its data folder (a folder that will not go is reported, not thrown). */
    @Override
    public void close() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            deleteDataDir();
        }
    }

    private void deleteDataDir() {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("Could not delete " + dataDir + ": " + e);
        }
    }
}
