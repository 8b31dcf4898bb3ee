package vn.motcua.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, run as a process: renders a page with its scripts and gives back the
 * resulting DOM, or a screenshot. No driver, no browser download.
 */
final class Chromium {

    private static final String BINARY = "/usr/bin/chromium";

    private Chromium() {}

    /** The page's DOM once its scripts and their requests have settled. */
    static String renderedDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", "--virtual-time-budget=15000", url));
    }

    static void screenshot(String url, Path file, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        run(List.of(
                "--screenshot=" + file.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--hide-scrollbars",
                "--virtual-time-budget=15000",
                url));
    }

    private static String run(List<String> arguments) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            // The policy of vn.motcua.testing.RequiredTool (delegates' tests): fail loudly, naming the package.
            throw new AssertionError(BINARY
                    + " is missing: install the Debian package chromium (apt-get install chromium; .ci/run does)");
        }
        Path profile = Files.createTempDirectory("chromium-profile-");
        List<String> command = new ArrayList<>(List.of(
                BINARY,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=vi-VN",
                "--user-data-dir=" + profile));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish in 60 s: " + command);
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
