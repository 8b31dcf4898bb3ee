package vn.motcua.dossier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.motcua.dossier.RejectedDocumentException.Reason;

/**
 * Every uploaded file is opened as what it claims to be before it is stored, in this one place (called by
 * {@link SubmissionCheck#checkFiles}): a PDF must open with PDFBox and carry no active content (JavaScript,
 * launch or submit actions, embedded files, XFA, rich media); an image must decode; nothing may follow the
 * file's own end (a PDF after its last {@code %%EOF}, a JPEG after its end marker, a PNG after {@code IEND}),
 * and no file may carry HTML or script markup, so no upload is also another kind of file (a polyglot). File
 * names are normalised by {@link #fileName}.
 */
public final class UploadInspection {

    /** The longest file name kept, in characters (a file system's usual limit). */
    public static final int MAX_FILE_NAME = 255;
    /** Images wider or taller than this are refused before they are decoded. */
    static final int MAX_IMAGE_SIDE = 20_000;

    static final long MAX_IMAGE_PIXELS = 100_000_000L;
    /** PDF objects looked at before giving up (a PDF with more is refused). */
    static final int MAX_PDF_OBJECTS = 500_000;

    private static final Set<COSName> ACTIVE_KEYS = Set.of(
            COSName.JS,
            COSName.JAVA_SCRIPT,
            COSName.getPDFName("EmbeddedFile"),
            COSName.EMBEDDED_FILES,
            COSName.getPDFName("XFA"),
            COSName.getPDFName("RichMedia"),
            COSName.getPDFName("RichMediaContent"));
    private static final Set<String> ACTIVE_ACTIONS =
            Set.of("JavaScript", "Launch", "SubmitForm", "ImportData", "RichMediaExecute", "GoToE", "Rendition");
    private static final String[] MARKUP = {"<script", "<html", "<!doctype html", "<svg", "<?php", "<iframe", "<body"};

    private UploadInspection() {}

    /**
     * A file name safe to store and show: no folders, no control, format (bidi override) or unassigned
     * characters, NFC, at most {@value #MAX_FILE_NAME} characters with its extension kept; {@code "tep"} when
     * nothing is left.
     */
    public static String fileName(String sent) {
        if (sent == null) {
            return "tep";
        }
        String name = sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder clean = new StringBuilder();
        Normalizer.normalize(name, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type != Character.CONTROL
                    && type != Character.FORMAT
                    && type != Character.UNASSIGNED
                    && type != Character.PRIVATE_USE
                    && type != Character.SURROGATE
                    && type != Character.LINE_SEPARATOR
                    && type != Character.PARAGRAPH_SEPARATOR) {
                clean.appendCodePoint(cp);
            }
        });
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.isEmpty()) {
            return "tep";
        }
        if (result.codePointCount(0, result.length()) > MAX_FILE_NAME) {
            int dot = result.lastIndexOf('.');
            String extension = dot > 0 && result.length() - dot <= 10 ? result.substring(dot) : "";
            String stem = result.substring(0, result.length() - extension.length());
            int keep = MAX_FILE_NAME - extension.length();
            result = stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
        }
        return result;
    }

    /**
     * @throws RejectedDocumentException ({@link Reason#UNSAFE}) when the file does not open as its type, carries
     *     active content or is also another kind of file
     */
    static void inspect(DocumentFile file, DocumentType type) {
        Optional<String> problem =
                switch (type) {
                    case PDF -> pdfProblem(file.content());
                    case JPEG, PNG -> imageProblem(file.content(), type);
                };
        if (problem.isEmpty()) {
            problem = markup(file.content());
        }
        problem.ifPresent(p -> {
            throw new RejectedDocumentException(Reason.UNSAFE, file.fileName(), "File " + file.fileName() + " " + p);
        });
    }

    static Optional<String> pdfProblem(byte[] content) {
        int eof = lastIndexOf(content, "%%EOF".getBytes(StandardCharsets.US_ASCII));
        if (eof < 0 || !onlyWhitespaceFrom(content, eof + 5)) {
            return Optional.of("has data after the end of the PDF (%%EOF): a PDF must be only a PDF");
        }
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.getNumberOfPages() < 1) {
                return Optional.of("is a PDF without pages");
            }
            return activeContent(document.getDocument().getTrailer());
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot be opened as a PDF (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Walks every object reachable from the trailer, looking for scripts, actions that run things, embedded files. */
    private static Optional<String> activeContent(COSDictionary trailer) {
        Map<COSBase, Boolean> seen = new IdentityHashMap<>();
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(trailer);
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || seen.put(next, Boolean.TRUE) != null) {
                continue;
            }
            if (seen.size() > MAX_PDF_OBJECTS) {
                return Optional.of("has more than " + MAX_PDF_OBJECTS + " objects");
            }
            if (next instanceof COSDictionary dictionary) {
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    if (ACTIVE_KEYS.contains(entry.getKey())) {
                        return Optional.of("has active content ("
                                + entry.getKey().getName() + "); save it again without scripts, attachments or forms");
                    }
                    if (COSName.S.equals(entry.getKey())
                            && dictionary.getDictionaryObject(COSName.S) instanceof COSName action
                            && ACTIVE_ACTIONS.contains(action.getName())) {
                        return Optional.of("has an action that runs or sends something (" + action.getName()
                                + "); save it again without it");
                    }
                    todo.push(entry.getValue());
                }
            } else if (next instanceof COSArray array) {
                for (COSBase element : array) {
                    todo.push(element);
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> imageProblem(byte[] content, DocumentType type) {
        boolean ended =
                switch (type) {
                    case JPEG -> endsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD9});
                    case PNG ->
                        endsWith(content, new byte[] {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82});
                    case PDF -> true;
                };
        if (!ended) {
            return Optional.of("has data after the end of the image: an image must be only an image");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.of("cannot be decoded as an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || (long) width * height > MAX_IMAGE_PIXELS) {
                    return Optional.of("is " + width + " × " + height + " pixels; too large an image");
                }
                reader.read(0);
            } finally {
                reader.dispose();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot be decoded as an image (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Optional<String> markup(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String tag : MARKUP) {
            if (text.contains(tag)) {
                return Optional.of("contains web page markup (" + tag + "); upload the document alone");
            }
        }
        return Optional.empty();
    }

    private static boolean onlyWhitespaceFrom(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            byte b = content[i];
            if (b != ' ' && b != '\r' && b != '\n' && b != '\t' && b != 0 && b != '\f') {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] content, byte[] suffix) {
        int end = content.length;
        while (end > 0 && (content[end - 1] == 0 || content[end - 1] == '\n' || content[end - 1] == '\r')) {
            end--; // some writers pad the end
        }
        if (end < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (content[end - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] content, byte[] needle) {
        outer:
        for (int i = content.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
