package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.motcua.testing.TestDocuments;

class DocumentTypeTest {

    @Test
    void pdfPngAndJpegAreKnownByTheirFirstBytes() {
        assertThat(DocumentType.sniff(TestDocuments.pdf())).contains(DocumentType.PDF);
        assertThat(DocumentType.sniff(TestDocuments.png())).contains(DocumentType.PNG);
        assertThat(DocumentType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .contains(DocumentType.JPEG);
        assertThat(DocumentType.PDF.mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void anythingElseOrTooShortIsNotAccepted() {
        assertThat(DocumentType.sniff("MZ executable".getBytes())).isEmpty();
        assertThat(DocumentType.sniff("%PD".getBytes())).isEmpty();
        assertThat(DocumentType.sniff(new byte[0])).isEmpty();
    }
}
