package vn.motcua.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FaultBenchmark} in its smoke mode (docs/benchmarks.md): two clients, seconds of load before each fault, a
 * three-second PostgreSQL outage. Fails when the run loses, duplicates or half-writes a dossier, when the index
 * does not catch up, when a request during an outage is answered otherwise than 503 problem+json, or a call to
 * Camunda's REST API otherwise than 2xx or 503 {@code DatabaseUnavailable} with {@code Retry-After}; the report goes
 * under target/benchmark-smoke.
 */
class FaultBenchmarkSmokeIT {

    static final Map<String, String> SMOKE = Map.of(
            "benchmark.report-dir",
                    Path.of("target", "benchmark-smoke").toAbsolutePath().toString(),
            "benchmark.fault.threads", "2",
            "benchmark.fault.seconds", "6",
            "benchmark.fault.outage-seconds", "3");

    private final Map<String, String> previous = new HashMap<>();

    @AfterEach
    void restoreProperties() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void aKillAndTwoPostgresRestartsUnderLoadLoseNothing() throws Exception {
        SMOKE.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        Path report = Path.of(SMOKE.get("benchmark.report-dir")).resolve(FaultBenchmark.REPORT);
        Files.deleteIfExists(report);

        new FaultBenchmark().killsAndRestartsLoseNothing();

        String markdown = Files.readString(report);
        assertThat(markdown)
                .contains("## A. kill -9 of the application under load")
                .contains("## B. PostgreSQL stopped and started again")
                .contains("engine REST calls during the outage, by answer");
        assertThat(markdown.lines().filter(line -> line.startsWith("| fast |") || line.startsWith("| immediate |")))
                .as("a row per shutdown mode")
                .hasSize(2);
    }
}
