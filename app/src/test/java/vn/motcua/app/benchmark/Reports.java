package vn.motcua.app.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where reports go, and clean-up of the benchmark's scratch folders. */
final class Reports {

    private Reports() {}

    /** Reports are written into the repository's docs/benchmarks/, found from the module folder Maven runs in. */
    static Path file(String name) {
        Path configured = System.getProperty("benchmark.report-dir") == null
                ? null
                : Path.of(System.getProperty("benchmark.report-dir"));
        Path dir = configured != null ? configured : Path.of("..", "docs", "benchmarks");
        return dir.resolve(name).toAbsolutePath().normalize();
    }

    static void write(Path file, String markdown) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown);
        System.out.println("[benchmark] report written to " + file);
        System.out.println(markdown);
    }

    /** A scratch folder the embedded Elasticsearch (run as nobody when we are root) can enter. */
    static Path scratch(String prefix) throws IOException {
        Path root = Files.createTempDirectory(prefix);
        root.toFile().setExecutable(true, false);
        root.toFile().setReadable(true, false);
        return root;
    }

    static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("[benchmark] could not delete " + root + ": " + e);
        }
    }
}
