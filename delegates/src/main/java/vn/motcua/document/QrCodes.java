package vn.motcua.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * QR codes (ISO/IEC 18004, adopted in Vietnam as TCVN 7322:2009) drawn and read with ZXing. The text is ASCII (a
 * percent-encoded address), so it is written in byte mode without an ECI header, which every reader accepts;
 * error correction level M (15 %) survives a stamp or a fold; the quiet zone is the standard 4 modules.
 */
public final class QrCodes {

    /** Pixels per module in the image placed on the page; the template sets its printed size. */
    private static final int PIXELS_PER_MODULE = 8;

    /**
     * Resolution at which {@link #read(byte[])} renders the first page: at 200 dpi a 30 mm code of version 15 has under
     * 3 pixels per module, too few for ZXing's reader; 300 dpi gives over 4.
     */
    private static final float READ_DPI = 300;

    private QrCodes() {}

    /** The QR code of the text as a black-on-white grey image. */
    public static BufferedImage image(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int size = matrix.getWidth() * PIXELS_PER_MODULE;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean dark = matrix.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE);
                    image.getRaster().setSample(x, y, 0, dark ? 0 : 255);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + text.length() + " characters", e);
        }
    }

    /** The QR code of the text as a PNG {@code data:} address, for an {@code <img src>} in a template. */
    public static String dataUri(String text) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(text), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** The text of the QR code found in the image, if one is found. */
    public static Optional<String> read(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return Optional.of(new QRCodeReader()
                    .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    /**
     * The text of the QR code printed at the top left of a PDF's first page, as a scanner would read it from the
     * rendered page. Empty when the first page has none or the bytes are not a PDF.
     */
    public static Optional<String> read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() == 0) {
                return Optional.empty();
            }
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, READ_DPI, ImageType.GRAY);
            // the top left quarter holds the code; reading only it is faster and ignores other codes on the page
            Optional<String> corner = read(page.getSubimage(0, 0, page.getWidth() / 2, page.getHeight() / 3));
            return corner.isPresent() ? corner : read(page);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
