package vn.motcua.app.signature;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.motcua.dossier.DocumentProperties;

/** The PDFs the signature tests sign, check and tamper with. */
public final class TestPdfs {

    private TestPdfs() {}

    /** A blank one-page A4 PDF that opens in PDFBox: what an upload must be (uploads are parsed, not trusted). */
    public static byte[] blankPage() {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A one-page A4 result with Vietnamese text in the configured font, unsigned. */
    public static byte[] result(DocumentProperties documents) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, new File(documents.font()));
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.beginText();
                out.setFont(font, 13);
                out.newLineAtOffset(72, 760);
                out.showText("GIẤY KHAI SINH (BẢN ĐIỆN TỬ)");
                out.endText();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * A copy of a signed PDF with one byte of the signed content changed: the last digit of the dossier code the
     * signature dictionary carries, so the file still opens but no longer matches its signature.
     */
    public static byte[] tampered(byte[] signed, String dossierCode) {
        byte[] tampered = signed.clone();
        byte[] code = ("(" + dossierCode + ")").getBytes(StandardCharsets.US_ASCII);
        int at = lastIndexOf(tampered, code) + dossierCode.length();
        tampered[at] = (byte) (tampered[at] == '7' ? '8' : '7');
        return tampered;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("The PDF does not carry " + new String(needle, StandardCharsets.US_ASCII));
    }
}
