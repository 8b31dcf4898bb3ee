package vn.motcua.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded Elasticsearch on its own, as the application runs it: a real server from the distribution the build
 * leaves in target/embedded/, in a fresh folder under /tmp.
 */
class EmbeddedElasticsearchIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240); // a busy 2-core CI machine
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Path folder;

    @BeforeEach
    void createFolder() throws IOException {
        folder = Files.createTempDirectory(Path.of("/tmp"), "motcua-es-it-");
        // createTempDirectory makes it rwx------; as root the server runs as nobody, who must be able to enter it.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void deleteFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Test
    void indexedDocumentSurvivesARestartAndNoProcessIsLeftBehind() throws Exception {
        Path home = folder.resolve("elasticsearch");

        EmbeddedElasticsearch first = new EmbeddedElasticsearch(distribution(), home, 0, START_TIMEOUT);
        first.start();
        try {
            first.awaitReady();
            assertThat(get(first, "/_cluster/health").body()).containsPattern("\"status\":\"(green|yellow)\"");
            HttpResponse<String> indexed = put(
                    first,
                    "/dossiers-it/_doc/HS-001?refresh=true",
                    "{\"applicant\":\"Nguyễn Thị Ánh\",\"procedure\":\"Chứng thực bản sao\"}");
            assertThat(indexed.statusCode()).isEqualTo(201);
        } finally {
            first.stop();
        }
        long firstPid = first.pid().orElseThrow();
        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertNoProcessUses(home);
        assertThat(home.resolve("elasticsearch.pid")).doesNotExist();

        EmbeddedElasticsearch second = new EmbeddedElasticsearch(distribution(), home, 0, START_TIMEOUT);
        second.start();
        try {
            second.awaitReady();
            HttpResponse<String> found = get(second, "/dossiers-it/_doc/HS-001");
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"found\":true").contains("Nguyễn Thị Ánh");
        } finally {
            second.stop();
        }
        assertThat(second.pid()).isPresent();
        assertThat(ProcessHandle.of(second.pid().get()).filter(ProcessHandle::isAlive))
                .isEmpty();
        assertNoProcessUses(home);
        assertThat(second.isRunning()).isFalse();
    }

    @Test
    void theWatchdogRestartsAServerThatWasKilledAndItsDataIsBack() throws Exception {
        Path home = folder.resolve("elasticsearch");
        EmbeddedElasticsearch server = new EmbeddedElasticsearch(distribution(), home, 0, START_TIMEOUT);
        ElasticsearchWatchdog watchdog = new ElasticsearchWatchdog(server);
        server.start();
        try {
            server.awaitReady();
            assertThat(put(server, "/dossiers-it/_doc/HS-002?refresh=true", "{\"applicant\":\"Trần Văn Bình\"}")
                            .statusCode())
                    .isEqualTo(201);
            watchdog.start();
            long killed = server.pid().orElseThrow();
            ProcessHandle launcher = ProcessHandle.of(killed).orElseThrow();
            launcher.descendants().forEach(ProcessHandle::destroyForcibly); // kill -9, the server JVM first
            launcher.destroyForcibly();

            await().atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> server.pid().filter(pid -> pid != killed).isPresent() && server.isRunning());
            server.awaitReady();
            assertThat(get(server, "/dossiers-it/_doc/HS-002").body()).contains("\"found\":true");
        } finally {
            watchdog.stop();
            server.stop();
        }
        assertNoProcessUses(home);
    }

    @Test
    void folderThatNobodyCannotEnterIsRefusedWithAdvice() throws IOException {
        assumeTrue(UnprivilegedUser.runningAsRoot(), "only root hands the server over to nobody");
        Path closed = Files.createDirectories(folder.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        EmbeddedElasticsearch elasticsearch =
                new EmbeddedElasticsearch(distribution(), closed.resolve("data/elasticsearch"), 0, START_TIMEOUT);
        elasticsearch.start();
        try {
            assertThatThrownBy(elasticsearch::awaitReady)
                    .hasMessageContaining("nobody cannot enter " + closed)
                    .hasMessageContaining("chmod o+x " + closed)
                    .hasMessageContaining("spring.elasticsearch.uris");
        } finally {
            elasticsearch.stop();
        }
        assertThat(elasticsearch.pid()).isEmpty();
    }

    /** The build sets the property for the tests as for the run command. */
    static ElasticsearchDistribution distribution() {
        String zip = System.getProperty(ElasticsearchDistribution.PROPERTY);
        assertThat(zip)
                .as(ElasticsearchDistribution.PROPERTY + ", set by the app module's pom")
                .isNotBlank();
        return ElasticsearchDistribution.of(Path.of(zip));
    }

    private HttpResponse<String> get(EmbeddedElasticsearch elasticsearch, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(elasticsearch, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(EmbeddedElasticsearch elasticsearch, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(elasticsearch, path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(EmbeddedElasticsearch elasticsearch, String path) {
        return elasticsearch.uri().resolve(path);
    }

    /** Neither the launcher nor the server JVM: both name the folder on their command line. */
    private static void assertNoProcessUses(Path home) {
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info()
                                .commandLine()
                                .map(line -> line.contains(home.toString()))
                                .orElse(false))
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                        .toList())
                .isEmpty();
    }
}
