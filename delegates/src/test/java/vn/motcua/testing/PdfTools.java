package vn.motcua.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Poppler and qpdf as independent readers of the PDFs the platform writes. A missing tool fails the test and names
 * the Debian package to install (.ci/run installs them).
 */
public final class PdfTools {

    private PdfTools() {}

    /** The text as pdftotext reads it, after qpdf found the structure sound. */
    public static String text(byte[] pdf) {
        Result check = run(pdf, "qpdf", "qpdf", "--check");
        assertThat(check.exit()).as("qpdf --check: %s", check.output()).isZero();
        Result text = run(pdf, "pdftotext", "poppler-utils", "-enc", "UTF-8", "-layout");
        assertThat(text.exit()).as("pdftotext: %s", text.output()).isZero();
        return text.output();
    }

    /** What pdfsig (poppler's own signature verifier) says of the file. */
    public static Result pdfsig(byte[] pdf) {
        return run(pdf, "pdfsig", "poppler-utils");
    }

    public record Result(int exit, String output) {}

    private static Result run(byte[] pdf, String tool, String debianPackage, String... options) {
        Path executable = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(executable)) {
            fail(tool + " is missing: install the Debian package " + debianPackage);
        }
        try {
            Path file = Files.createTempFile("motcua-", ".pdf");
            try {
                Files.write(file, pdf);
                List<String> command = new ArrayList<>();
                command.add(executable.toString());
                command.addAll(List.of(options));
                command.add(file.toString());
                if (tool.equals("pdftotext")) {
                    command.add("-");
                }
                Process process =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new Result(process.waitFor(), output);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
