package vn.motcua.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.Diagnostic;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import vn.motcua.dossier.DocumentProperties;

/**
 * The one way the platform writes an official document: the XHTML template {@code documents/<name>.xhtml} on the
 * class path (any module's resources), filled by Thymeleaf (XML mode: every {@code th:text} is escaped, so data
 * typed by a citizen stays text), laid out by openhtmltopdf as PDF/A-2b with the configured TrueType font embedded
 * (DejaVu Sans: every Vietnamese glyph), an sRGB output intent, and the QR code of Thông tư 01/2023/TT-VPCP.
 *
 * <p>Besides the caller's data, every template sees:
 * <ul>
 *   <li>{@code qr}: the {@link QrContent} (e.g. {@code ${qr.dossierCode}}, {@code ${qr.documentName}});</li>
 *   <li>{@code qrImage}: the QR code as a {@code data:} PNG address for {@code <img th:src="${qrImage}"/>};</li>
 *   <li>{@code trackingUrl}: the text the QR code carries (the dossier's public view);</li>
 *   <li>{@code issuingSystem}: the system's name from {@link OfficialDocumentProperties};</li>
 *   <li>{@code ngayLap}: the date of the document (the QR code's time of issue, unless the data give it).</li>
 * </ul>
 * The shared page frame (the QR at the top left, the agency and the national motto) is the fragment file
 * {@code documents/khung.xhtml}; see docs/documents.md for the designer's guide.
 *
 * <p>Templates may load nothing from outside: only {@code data:} images and the class path's
 * {@code documents/} folder are allowed, so a document never depends on, or calls, another server.
 */
@Component
public class OfficialDocuments {

    /** The font family name templates use in CSS. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final Logger log = LoggerFactory.getLogger(OfficialDocuments.class);
    private static final String FOLDER = "documents/";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final File font;
    private final File boldFont;
    private final OfficialDocumentProperties properties;
    private final TemplateEngine templates;
    private final TemplateEngine sourceTemplates;
    private final byte[] srgb;

    public OfficialDocuments(DocumentProperties documents, OfficialDocumentProperties properties) {
        this.font = new File(documents.font());
        this.boldFont = new File(documents.fontBold());
        this.properties = properties;
        ClassLoaderTemplateResolver resolver =
                new ClassLoaderTemplateResolver(OfficialDocuments.class.getClassLoader());
        resolver.setPrefix(FOLDER);
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        this.templates = new TemplateEngine();
        this.templates.setTemplateResolver(resolver);
        // Templates given as text (a procedure's result template): the text itself, its fragments from documents/.
        ClassLoaderTemplateResolver fragments =
                new ClassLoaderTemplateResolver(OfficialDocuments.class.getClassLoader());
        fragments.setPrefix(FOLDER);
        fragments.setSuffix(".xhtml");
        fragments.setTemplateMode(TemplateMode.XML);
        fragments.setCharacterEncoding("UTF-8");
        fragments.setCheckExistence(true);
        fragments.setCacheable(true);
        fragments.setResolvablePatterns(java.util.Set.of("khung"));
        fragments.setOrder(1);
        StringTemplateResolver text = new StringTemplateResolver();
        text.setTemplateMode(TemplateMode.XML);
        text.setCacheable(false);
        text.setOrder(2);
        this.sourceTemplates = new TemplateEngine();
        this.sourceTemplates.addTemplateResolver(fragments);
        this.sourceTemplates.addTemplateResolver(text);
        this.srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /** The name of the issuing system, as the QR code and the documents print it. */
    public String issuingSystem() {
        return properties.issuingSystem();
    }

    /** The public view of a dossier, which its QR code opens. */
    public String trackingUrl(String dossierCode) {
        return properties.base() + QrContent.TRACKING_PATH + "?ma="
                + java.net.URLEncoder.encode(dossierCode, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Fills the template {@code documents/<template>.xhtml} with the data and the QR code, and lays it out as a
     * PDF/A-2b file.
     *
     * @param template the template's name, without folder and suffix, e.g. {@code giay-tiep-nhan}
     * @param data     the values the template's expressions read: strings, numbers, {@code java.time} values
     *                 (formatted with {@code #temporals}), maps and lists of them
     * @param qr       what the QR code at the top left carries; null only for an agency's internal record that
     *                 concerns no single dossier (the tracking register)
     * @throws DocumentTemplateException naming the template when it is missing or cannot be filled
     */
    public byte[] render(String template, Map<String, ?> data, QrContent qr) {
        return layout(fill(template, data, qr), FOLDER + template + ".xhtml");
    }

    /**
     * As {@link #render}, for a template given as text rather than found on the class path: a procedure's result
     * template, deployed with the procedure ({@code <key>/<key>-result.xhtml}). It may use the shared frame's
     * fragments ({@code ~{khung :: dau-trang(...)}}) like any template.
     *
     * @param name   where the template comes from, for error messages
     * @param source the template's XHTML
     */
    public byte[] renderSource(String name, String source, Map<String, ?> data, QrContent qr) {
        try {
            return layout(sourceTemplates.process(source, new Context(VIETNAMESE, variables(data, qr))), name);
        } catch (TemplateEngineException e) {
            throw new DocumentTemplateException("Cannot fill the document template " + name + ": " + e.getMessage(), e);
        }
    }

    private byte[] layout(String xhtml, String name) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfAConformance.PDFA_2_B);
            builder.useColorProfile(srgb);
            builder.useFont(font, FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(boldFont, FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.useExternalResourceAccessControl(
                    (uri, type) -> uri.startsWith("data:"), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.useExternalResourceAccessControl(
                    (uri, type) -> uri.startsWith("data:"), ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withDiagnosticConsumer(OfficialDocuments::log);
            builder.withProducer("Một cửa điện tử");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot lay out the document " + name + " (fonts " + font + ", " + boldFont + ")", e);
        } catch (RuntimeException e) {
            throw new DocumentTemplateException(
                    "Cannot lay out the document template " + name + ": " + e.getMessage(), e);
        }
        return pdf.toByteArray();
    }

    /** The filled XHTML, before layout (what {@link #render} lays out; useful to check a template). */
    public String fill(String template, Map<String, ?> data, QrContent qr) {
        try {
            return templates.process(template, new Context(VIETNAMESE, variables(data, qr)));
        } catch (TemplateEngineException e) {
            throw new DocumentTemplateException(
                    "Cannot fill the document template " + FOLDER + template + ".xhtml: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> variables(Map<String, ?> data, QrContent qr) {
        Map<String, Object> variables = new HashMap<>(data);
        if (qr != null) {
            String url = qr.toUrl(properties.base());
            variables.put("qr", qr);
            variables.put("qrImage", QrCodes.dataUri(url));
            variables.put("trackingUrl", url);
        }
        variables.putIfAbsent(
                "ngayLap",
                qr != null ? qr.issuedAt() : java.time.LocalDateTime.now(vn.motcua.engine.EngineClock.VIETNAM));
        variables.put("issuingSystem", properties.issuingSystem());
        return variables;
    }

    private static void log(Diagnostic diagnostic) {
        switch (diagnostic.getLevel().getName()) {
            case "SEVERE" -> log.warn("{}", diagnostic.getFormattedMessage());
            case "WARNING" -> log.info("{}", diagnostic.getFormattedMessage());
            default -> log.debug("{}", diagnostic.getFormattedMessage());
        }
    }
}
