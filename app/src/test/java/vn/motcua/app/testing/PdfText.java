package vn.motcua.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a PDF the application wrote, read by tools independent of the PDFBox that wrote it: qpdf
 * ({@code --check}: the structure is sound) then poppler's pdftotext. A missing tool fails the test and names the
 * Debian package to install ({@code .ci/run} installs them), never a skipped check. The app module's counterpart of
 * the delegates module's {@code vn.motcua.testing.PdfTools}, which app's tests cannot see.
 */
public final class PdfText {

    private PdfText() {}

    /** The text, as {@code pdftotext -enc UTF-8} reads it, after {@code qpdf --check} passed. */
    public static String of(byte[] pdf) {
        Path file = null;
        try {
            file = Files.createTempFile("motcua-pdf-text-", ".pdf");
            Files.write(file, pdf);
            run(tool("qpdf", "qpdf"), "--check", file.toString());
            return run(tool("pdftotext", "poppler-utils"), "-enc", "UTF-8", file.toString(), "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    System.err.println("Could not delete " + file + ": " + e);
                }
            }
        }
    }

    /** {@link #of(byte[])} with every run of white space folded to one space (lines and columns ignored). */
    public static String folded(byte[] pdf) {
        return of(pdf).replaceAll("\\s+", " ");
    }

    private static String tool(String name, String debianPackage) {
        Path path = Path.of("/usr/bin", name);
        assertThat(Files.isExecutable(path))
                .as("%s is missing: install the Debian package %s", name, debianPackage)
                .isTrue();
        return path.toString();
    }

    /** Runs the command; its output (stdout and stderr) if it exits 0, else the test fails with it. */
    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(exit)
                .as("%s: %s", Path.of(command[0]).getFileName() + " " + command[1], output)
                .isZero();
        return output;
    }
}
