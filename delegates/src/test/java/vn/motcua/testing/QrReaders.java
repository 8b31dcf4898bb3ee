package vn.motcua.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads the QR code of a PDF's first page as a person's scanner would: the page rendered by PDFBox at 200 dpi (a
 * scanner's usual setting), then decoded by zbarimg (Debian zbar-tools), a reader independent of the ZXing that drew the code.
 */
public final class QrReaders {

    private QrReaders() {}

    /**
     * @param text    what the code says
     * @param topLeft whether it was found in the page's top left corner (the left half of the top quarter)
     */
    public record Found(String text, boolean topLeft) {}

    public static Found zbarimg(byte[] pdf) {
        Path zbarimg = RequiredTool.require("/usr/bin/zbarimg", "zbar-tools");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.GRAY);
            String corner = read(zbarimg, page.getSubimage(0, 0, page.getWidth() / 2, page.getHeight() / 4));
            if (corner != null) {
                return new Found(corner, true);
            }
            String anywhere = read(zbarimg, page);
            assertThat(anywhere).as("a QR code on the first page").isNotNull();
            return new Found(anywhere, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path zbarimg, BufferedImage image) throws IOException {
        Path png = Files.createTempFile("motcua-qr-", ".png");
        try {
            ImageIO.write(image, "png", png.toFile());
            Process process = new ProcessBuilder(
                            zbarimg.toString(), "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = process.waitFor();
            return exit == 0 && !out.isEmpty() ? out : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(png);
        }
    }
}
