package vn.motcua.result;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import vn.motcua.dossier.DocumentProperties;

/**
 * Lays out a result template (a small XHTML: {@code h1}, {@code h2}, {@code p} with classes {@code center} and
 * {@code right}, {@code b}/{@code strong}, {@code br}, and a {@code table} of one row for side-by-side headings) as
 * an A4 PDF/A-2b with the embedded Vietnamese font. {@code ${name}} in the template's text is replaced by the value
 * the caller gives for that name; the template is parsed before any value goes in, so a value (citizen text) is only
 * ever text, never markup. The bottom {@value #SIGNATURE_SPACE} points of the last page are left free for the visible
 * signature blocks.
 */
@Component
public class ResultRenderer {

    /** Left free at the bottom of each page for the visible signature blocks the signing step prints. */
    public static final float SIGNATURE_SPACE = 120;

    static final String MISSING = "……………";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");
    private static final float MARGIN = 56;
    private static final float TOP = PDRectangle.A4.getHeight() - 48;

    private final File regular;
    private final File bold;

    public ResultRenderer(DocumentProperties documents) {
        this.regular = new File(documents.font());
        this.bold = new File(documents.fontBold());
    }

    /**
     * @param template the XHTML template
     * @param values   the value of each {@code ${name}}; null for an unknown name, printed as a dotted blank
     * @param title    the PDF's title (its metadata)
     * @param issuedAt the PDF's creation date
     * @throws ResultTemplateException when the template is not well-formed XHTML
     */
    public byte[] render(byte[] template, Function<String, String> values, String title, Instant issuedAt) {
        Document xhtml = parse(template);
        substitute(xhtml.getDocumentElement(), values);
        Element body = child(xhtml.getDocumentElement(), "body");
        if (body == null) {
            throw new ResultTemplateException("the template has no <body>");
        }
        try (PDDocument pdf = new PDDocument()) {
            Layout layout = new Layout(pdf, PDType0Font.load(pdf, regular), PDType0Font.load(pdf, bold));
            for (Element block : children(body)) {
                layout.block(block);
            }
            layout.finish();
            pdfA(pdf, title, issuedAt);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new ResultTemplateException("cannot write the result PDF: " + e.getMessage(), e);
        }
    }

    /** Fills {@code ${name}} placeholders in a plain text (e.g. a file name), as in the template. */
    public static String fill(String text, Function<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? MISSING : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Document parse(byte[] template) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(template));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new ResultTemplateException("the template is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    private static void substitute(Node node, Function<String, String> values) {
        if (node.getNodeType() == Node.TEXT_NODE) {
            node.setNodeValue(fill(node.getNodeValue(), values));
            return;
        }
        NodeList list = node.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            substitute(list.item(i), values);
        }
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    /** PDF/A-2b: XMP metadata naming the part and conformance, an sRGB output intent; fonts are embedded. */
    private static void pdfA(PDDocument pdf, String title, Instant issuedAt) throws IOException {
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(issuedAt.toEpochMilli());
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(title);
        info.setProducer("motcua");
        info.setCreator("motcua");
        info.setCreationDate(created);
        info.setModificationDate(created);
        String date = DateTimeFormatter.ISO_INSTANT.format(issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String xmp = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                   <pdfaid:part>2</pdfaid:part>
                   <pdfaid:conformance>B</pdfaid:conformance>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                   <xmp:CreateDate>%s</xmp:CreateDate>
                   <xmp:ModifyDate>%s</xmp:ModifyDate>
                   <xmp:CreatorTool>motcua</xmp:CreatorTool>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                   <pdf:Producer>motcua</pdf:Producer>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(escapeXml(title), date, date);
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        pdf.getDocumentCatalog().setMetadata(metadata);
        try (InputStream profile = new ByteArrayInputStream(
                ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())) {
            PDOutputIntent intent = new PDOutputIntent(pdf, profile);
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            pdf.getDocumentCatalog().addOutputIntent(intent);
        }
        pdf.getDocumentCatalog().getCOSObject().setName(COSName.LANG, "vi-VN");
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A run of text in one face. */
    private record Run(String text, boolean bold) {}

    /** Writes blocks top to bottom, wrapping words, starting a page when one is full. */
    private static final class Layout {
        private final PDDocument pdf;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private PDPageContentStream out;
        private float y;

        Layout(PDDocument pdf, PDType0Font regular, PDType0Font bold) throws IOException {
            this.pdf = pdf;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            out = new PDPageContentStream(pdf, page);
            y = TOP;
        }

        void finish() throws IOException {
            out.close();
        }

        void block(Element block) throws IOException {
            String tag = block.getTagName().toLowerCase(java.util.Locale.ROOT);
            switch (tag) {
                case "table" -> table(block);
                default -> y = paragraph(block, MARGIN, PDRectangle.A4.getWidth() - 2 * MARGIN, y, true);
            }
        }

        /** One row of cells side by side, each a column of paragraphs; the row is as tall as its tallest cell. */
        private void table(Element table) throws IOException {
            List<Element> cells = new ArrayList<>();
            for (Element row : rows(table)) {
                cells.addAll(children(row));
                break;
            }
            if (cells.isEmpty()) {
                return;
            }
            float width = (PDRectangle.A4.getWidth() - 2 * MARGIN) / cells.size();
            float lowest = y;
            for (int i = 0; i < cells.size(); i++) {
                float cellY = y;
                List<Element> paragraphs = children(cells.get(i));
                if (paragraphs.isEmpty()) {
                    cellY = paragraph(cells.get(i), MARGIN + i * width, width - 8, cellY, false);
                }
                for (Element p : paragraphs) {
                    cellY = paragraph(p, MARGIN + i * width, width - 8, cellY, false);
                }
                lowest = Math.min(lowest, cellY);
            }
            y = lowest - 6;
        }

        private List<Element> rows(Element table) {
            List<Element> rows = new ArrayList<>();
            for (Element e : children(table)) {
                if (e.getTagName().equalsIgnoreCase("tr")) {
                    rows.add(e);
                } else {
                    rows.addAll(rows(e)); // tbody
                }
            }
            return rows;
        }

        /** @return the y below the paragraph */
        private float paragraph(Element p, float x, float width, float top, boolean mayBreakPage) throws IOException {
            String tag = p.getTagName().toLowerCase(java.util.Locale.ROOT);
            float size =
                    switch (tag) {
                        case "h1" -> 14;
                        case "h2" -> 12.5f;
                        case "h3" -> 11.5f;
                        default -> 11.5f;
                    };
            boolean allBold = tag.startsWith("h");
            String classes = " " + p.getAttribute("class") + " ";
            String align = classes.contains(" center ") || tag.startsWith("h")
                    ? "center"
                    : classes.contains(" right ") ? "right" : "left";
            float leading = size * 1.35f;
            float before = tag.startsWith("h") ? 6 : 3;
            List<List<Run>> lines = wrap(runs(p, allBold), size, width);
            float lineY = top - before;
            for (List<Run> line : lines) {
                if (mayBreakPage && lineY - leading < 36 + SIGNATURE_SPACE) {
                    newPage();
                    lineY = y;
                }
                lineY -= leading;
                float lineWidth = width(line, size);
                float startX =
                        switch (align) {
                            case "center" -> x + (width - lineWidth) / 2;
                            case "right" -> x + width - lineWidth;
                            default -> x;
                        };
                out.beginText();
                out.newLineAtOffset(startX, lineY);
                for (Run run : line) {
                    out.setFont(run.bold() ? bold : regular, size);
                    out.showText(run.text());
                }
                out.endText();
            }
            return lineY - 2;
        }

        private List<Run> runs(Node node, boolean bold) {
            List<Run> runs = new ArrayList<>();
            NodeList list = node.getChildNodes();
            for (int i = 0; i < list.getLength(); i++) {
                Node n = list.item(i);
                if (n.getNodeType() == Node.TEXT_NODE) {
                    runs.add(new Run(n.getNodeValue().replaceAll("\\s+", " "), bold));
                } else if (n instanceof Element e) {
                    String tag = e.getTagName().toLowerCase(java.util.Locale.ROOT);
                    if (tag.equals("br")) {
                        runs.add(new Run("\n", bold));
                    } else {
                        runs.addAll(runs(e, bold || tag.equals("b") || tag.equals("strong")));
                    }
                }
            }
            return runs;
        }

        /** Splits runs into lines of at most {@code width} points, at spaces (and at a {@code br}). */
        private List<List<Run>> wrap(List<Run> runs, float size, float width) throws IOException {
            List<List<Run>> lines = new ArrayList<>();
            List<Run> line = new ArrayList<>();
            float used = 0;
            for (Run run : runs) {
                if (run.text().equals("\n")) {
                    lines.add(line);
                    line = new ArrayList<>();
                    used = 0;
                    continue;
                }
                PDType0Font font = run.bold() ? bold : regular;
                for (String word : run.text().split("(?<= )")) {
                    if (word.isEmpty() || (line.isEmpty() && word.isBlank())) {
                        continue;
                    }
                    float w = font.getStringWidth(word) / 1000 * size;
                    if (used + w > width && !line.isEmpty()) {
                        lines.add(line);
                        line = new ArrayList<>();
                        used = 0;
                        word = word.stripLeading();
                        if (word.isEmpty()) {
                            continue;
                        }
                        w = font.getStringWidth(word) / 1000 * size;
                    }
                    line.add(new Run(word, run.bold()));
                    used += w;
                }
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line);
            }
            return lines;
        }

        private float width(List<Run> line, float size) throws IOException {
            float w = 0;
            for (Run run : line) {
                w += (run.bold() ? bold : regular).getStringWidth(run.text()) / 1000 * size;
            }
            return w;
        }
    }
}
