package vn.motcua.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchBenchmark} in smoke mode, so that a change that breaks it fails the suite: a few hundred dossiers, a
 * few searches of each kind, a two-second lag run, the report under {@code app/target/benchmark-smoke/}. Its figures
 * mean nothing (docs/benchmarks.md).
 */
class SearchBenchmarkSmokeIT {

    static final Path REPORTS = Path.of("target", "benchmark-smoke").toAbsolutePath();

    // The benchmark reads its sizes once, when its class is first used: set them before that.
    static {
        System.setProperty("bench.dossiers", "300");
        System.setProperty("bench.searches", "5");
        System.setProperty("bench.httpSearches", "3");
        System.setProperty("bench.camundaSearches", "2");
        System.setProperty("bench.lagSeconds", "2");
        System.setProperty("bench.lagRate", "5");
        System.setProperty("bench.startThreads", "1");
        System.setProperty("bench.reportDir", REPORTS.toString());
    }

    @Test
    void theSearchBenchmarkRunsThroughAndReportsEveryQuery() throws Exception {
        Path report = REPORTS.resolve("search.md");
        Files.deleteIfExists(report);
        SearchBenchmark.start();
        try {
            new SearchBenchmark().searchIndexAgainstCamundaVariableQuery();
        } finally {
            SearchBenchmark.stop();
        }
        assertThat(Files.readString(report)).contains("300").contains("## Log of the run");
    }
}
