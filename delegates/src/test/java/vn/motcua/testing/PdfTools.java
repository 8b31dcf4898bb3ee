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

    /**
     * What a file claims of PDF/A, as far as the tools here can tell (there is no veraPDF here): the part and
     * conformance its XMP metadata declares (read by PDFBox's xmpbox), its output intents, and each font with
     * whether it is embedded (read by poppler's pdffonts, independently of the PDFBox that wrote the file).
     */
    public static PdfA pdfA(byte[] pdf) {
        int part;
        String conformance;
        int intents;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.pdmodel.common.PDMetadata metadata =
                    document.getDocumentCatalog().getMetadata();
            assertThat(metadata).as("XMP metadata").isNotNull();
            org.apache.xmpbox.XMPMetadata xmp = new org.apache.xmpbox.xml.DomXmpParser().parse(metadata.toByteArray());
            org.apache.xmpbox.schema.PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            assertThat(id).as("pdfaid schema").isNotNull();
            part = id.getPart();
            conformance = id.getConformance();
            intents = document.getDocumentCatalog().getOutputIntents().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.xmpbox.xml.XmpParsingException e) {
            throw new AssertionError("XMP metadata unreadable", e);
        }
        Result fonts = run(pdf, "pdffonts", "poppler-utils");
        assertThat(fonts.exit()).as("pdffonts: %s", fonts.output()).isZero();
        List<Font> list = new ArrayList<>();
        List<String> lines = fonts.output().lines().toList();
        // name, type (one or two words), encoding, emb, sub, uni, object ID: the flags are the 5th-3rd last columns
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 7) {
                list.add(new Font(cols[0], cols[cols.length - 5].equals("yes")));
            }
        }
        return new PdfA(part, conformance, intents, list);
    }

    public record PdfA(int part, String conformance, int outputIntents, List<Font> fonts) {}

    public record Font(String name, boolean embedded) {}

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
