package vn.motcua.app.testing;

import java.nio.charset.StandardCharsets;

/** Files the tests upload. Uploads are parsed, not trusted: each one here opens. */
public final class Uploads {

    private Uploads() {}

    /** The smallest one-page A4 PDF that opens: a catalog, a page tree, a page, no content, no cross-reference. */
    public static byte[] minimalPdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                        + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                        + "trailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
