package vn.motcua.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark in its smoke mode (tiny sizes, seconds of measuring), so that a change that breaks a benchmark
 * fails the suite; the reports go under target/benchmark-smoke, never over the committed ones. The figures of a
 * smoke run mean nothing: only that the benchmark ran through and wrote a report with every row.
 */
class BenchmarkSmokeIT {

    private static final Path REPORTS = Path.of("target", "benchmark-smoke").toAbsolutePath();

    /** The smoke settings of both benchmarks, as docs/benchmarks.md lists them. */
    static final Map<String, String> SMOKE = Map.of(
            "benchmark.report-dir", REPORTS.toString(),
            "benchmark.backlogs", "30",
            "benchmark.agencies", "1",
            "benchmark.completions", "5",
            "benchmark.warm-up-completions", "3",
            "benchmark.seconds", "2",
            "benchmark.warm-up-seconds", "1",
            "benchmark.threads", "1",
            "benchmark.dossiers", "3");

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
    void theSigningBenchmarkRunsThroughAndReportsARowPerThreadCount() throws Exception {
        smokeMode();
        Path report = REPORTS.resolve("signing.md");
        Files.deleteIfExists(report);

        new SigningBenchmark().signaturesPerSecond();

        String markdown = Files.readString(report);
        assertThat(markdown).contains("## Signatures").contains("## Results: produced and signed");
        assertThat(markdown.lines().filter(line -> line.startsWith("| 1 |")))
                .as("the one-thread row of each table")
                .hasSize(2);
    }

    @Test
    void theFeeBenchmarkRunsThroughAndReportsQuotesAndThePaymentStep() throws Exception {
        smokeMode();
        Path report = REPORTS.resolve("fees.md");
        Files.deleteIfExists(report);

        new FeeBenchmark().feeQuotesAndThePaymentStep();

        String markdown = Files.readString(report);
        assertThat(markdown).contains("## Fee quotes").contains("## The decision is cached per deployment");
        assertThat(markdown.lines().filter(line -> line.matches("\\| (FeeQuotes.quote|POST …/fee-quote) \\| 1 \\|.*")))
                .as("the one-thread rows of both paths")
                .hasSize(2)
                .noneMatch(line -> line.contains("| 0 | 0 |"));
        assertThat(markdown)
                .contains("| receipt, fee due (chứng thực) |")
                .contains("| desk payment (chứng thực) |")
                .contains("| receipt, nothing due (khai sinh on time) |");
    }

    @Test
    void theCompletionBenchmarkRunsThroughAndReportsEveryPathWithAndWithoutTheIndex() throws Exception {
        smokeMode();
        Path report = REPORTS.resolve("completion.md");
        Files.deleteIfExists(report);

        new CompletionBenchmark().completionCostAsTheBacklogGrows();

        String markdown = Files.readString(report);
        assertThat(markdown).contains("## Completion time");
        String times = markdown.substring(markdown.indexOf("## Completion time"));
        String completionTimes =
                times.substring(0, times.indexOf("\n## ") > 0 ? times.indexOf("\n## ") : times.length());
        for (String path : new String[] {"bare engine", "application, TaskService", "application, /engine-rest"}) {
            assertThat(completionTimes.lines().filter(line -> line.startsWith("| " + path + " |")))
                    .as("rows of %s: at 30 open, without and with the index", path)
                    .hasSize(2)
                    .allMatch(line -> line.contains("| 30 |"));
        }
    }

    @Test
    void theSubmissionBenchmarkRunsThroughAndReportsTheApplicationAndTheBareEngine() throws Exception {
        smokeMode();
        Path report = REPORTS.resolve("submission.md");
        Files.deleteIfExists(report);

        new SubmissionBenchmark().submissionsPerSecond();

        String markdown = Files.readString(report);
        assertThat(markdown).contains("## What runs").contains("-jar app/target/motcua-app.jar");
        assertThat(markdown.lines().filter(line -> line.startsWith("| 1 |")))
                .as("the one-thread row")
                .isNotEmpty();
        assertThat(markdown.lines().filter(line -> line.startsWith("| 1, each for its own receiving unit |")))
                .as("the row with a receiving unit per thread")
                .isNotEmpty();
    }

    /** Two nodes with a kill: every check of the full run, on 10 dossiers per node and timers due in 20 s. */
    @Test
    void theTwoNodesBenchmarkRunsThroughWithAKillAndReportsEveryFigure() throws Exception {
        smokeMode();
        TWO_NODES_SMOKE.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        Path report = REPORTS.resolve("two-nodes.md");
        Files.deleteIfExists(report);

        new TwoNodesBenchmark().twoNodesRunEveryTimerOnceAndNeverDuplicateACode();

        String markdown = Files.readString(report);
        assertThat(markdown)
                .contains("| duplicate codes | 0 |")
                .contains("| gaps in the numbering | 0 |")
                .contains("| reminder timers | 20 |")
                .contains("| reminder jobs run twice | 0 |")
                .contains("| reminder jobs never run | 0 |")
                .containsPattern("\\| takeover: from the kill until node A had run all of them \\| [0-9.]+ s \\|");
    }

    /** The two-nodes benchmark's smoke settings, as docs/benchmarks.md lists them. */
    static final Map<String, String> TWO_NODES_SMOKE = Map.of(
            "benchmark.two-nodes.dossiers-per-node", "10",
            "benchmark.two-nodes.threads-per-node", "2",
            "benchmark.two-nodes.timer-seconds", "20",
            "benchmark.two-nodes.lock-seconds", "5");

    private void smokeMode() {
        SMOKE.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
    }
}
