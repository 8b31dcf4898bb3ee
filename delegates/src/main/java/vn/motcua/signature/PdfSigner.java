package vn.motcua.signature;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DocumentProperties;

/**
 * Signs a PDF (PAdES baseline B: sub-filter ETSI.CAdES.detached, one incremental update per signature) with the
 * key the {@link SigningProvider} holds for the agency. Before the first signature it prints the visible block on
 * the last page (who signed, for which agency, when, and that a test certificate signed, if one did), so the block
 * is itself covered by the signature.
 */
@Component
public class PdfSigner {

    /** Where the signature names its dossier, for the verifier. */
    public static final COSName DOSSIER_CODE = COSName.getPDFName("MotcuaDossierCode");

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy");
    private static final float BLOCK_WIDTH = 260;
    private static final float SIZE = 9;
    private static final float LEADING = 12;

    private final SigningProvider provider;
    private final File font;
    private final Timestamps timestamps;

    public PdfSigner(SigningProvider provider, DocumentProperties documents) {
        this(provider, documents, Timestamps.NONE);
    }

    @Autowired
    public PdfSigner(SigningProvider provider, DocumentProperties documents, Timestamps timestamps) {
        this.provider = provider;
        this.font = new File(documents.font());
        this.timestamps = timestamps;
    }

    /**
     * Signs the PDF: with a person named in the request, first the person's signature, then the agency's, each an
     * incremental update; the visible blocks (the person's at the bottom left, the agency's at the bottom right) are
     * printed before the first signature, so every signature covers them.
     */
    public byte[] sign(byte[] pdf, SignatureRequest request) {
        List<X509Certificate> chain = provider.certificateChain(request.agencyCode());
        boolean test = chain.stream().anyMatch(TestCertificateAuthority::isTestCertificate);
        List<X509Certificate> personal = request.personal()
                ? provider.personalCertificateChain(request.signerUserId(), request.signerName(), request.agencyCode())
                : List.of();
        boolean personalTest = personal.stream().anyMatch(TestCertificateAuthority::isTestCertificate);
        try {
            byte[] withBlock = pdf;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                if (document.getSignatureDictionaries().isEmpty()) {
                    if (request.personal()) {
                        printBlock(document, personalLines(request, personalTest), 36);
                    }
                    float x = document.getPage(document.getNumberOfPages() - 1)
                                    .getMediaBox()
                                    .getWidth()
                            - 36
                            - BLOCK_WIDTH;
                    printBlock(document, agencyLines(request, test), x);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    document.save(out);
                    withBlock = out.toByteArray();
                }
            }
            byte[] signed = withBlock;
            if (request.personal()) {
                signed = addSignature(
                        signed,
                        request,
                        personName(request),
                        content -> provider.signAsPerson(
                                request.signerUserId(), request.signerName(), request.agencyCode(), content));
            }
            return addSignature(
                    signed, request, request.agencyName(), content -> provider.sign(request.agencyCode(), content));
        } catch (IOException e) {
            throw new SigningException(
                    "Cannot sign the PDF for agency " + request.agencyCode() + ": " + e.getMessage(), e);
        }
    }

    private static String personName(SignatureRequest request) {
        return request.signerName() == null || request.signerName().isBlank()
                ? request.signerUserId()
                : request.signerName();
    }

    private byte[] addSignature(byte[] pdf, SignatureRequest request, String name, SignatureInterface signing)
            throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(name);
            signature.setLocation(request.agencyName());
            signature.setReason(request.reason());
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone(VIETNAM));
            when.setTimeInMillis(request.signedAt().toEpochMilli());
            signature.setSignDate(when);
            if (request.dossierCode() != null) {
                signature.getCOSObject().setString(DOSSIER_CODE, request.dossierCode());
            }
            options.setPreferredSignatureSize(timestamps.enabled() ? 32 * 1024 : 16 * 1024);
            document.addSignature(signature, content -> timestamps.stamp(signing.sign(content)), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 40_000);
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static List<String> agencyLines(SignatureRequest request, boolean test) {
        List<String> lines = new ArrayList<>();
        lines.add("Ký số bởi: " + request.agencyName());
        if (request.approvedBy() != null && !request.approvedBy().isBlank()) {
            lines.add("Người phê duyệt: " + request.approvedBy());
        }
        lines.add("Thời gian ký: " + request.signedAt().atZone(VIETNAM).format(SHOWN) + " (GMT+7)");
        if (request.dossierCode() != null) {
            lines.add("Mã hồ sơ: " + request.dossierCode());
        }
        if (test) {
            lines.add("CHỮ KÝ THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ");
        }
        return lines;
    }

    private static List<String> personalLines(SignatureRequest request, boolean test) {
        List<String> lines = new ArrayList<>();
        lines.add("Người ký: " + personName(request));
        lines.add("Thay mặt: " + request.agencyName());
        lines.add("Thời gian ký: " + request.signedAt().atZone(VIETNAM).format(SHOWN) + " (GMT+7)");
        if (test) {
            lines.add("CHỮ KÝ THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ");
        }
        return lines;
    }

    private void printBlock(PDDocument document, List<String> lines, float x) throws IOException {
        PDPage page = document.getPage(document.getNumberOfPages() - 1);
        PDType0Font regular = PDType0Font.load(document, font);
        float height = lines.size() * LEADING + 8;
        float y = 36;
        try (PDPageContentStream out = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
            out.setStrokingColor(0.75f, 0f, 0f);
            out.addRect(x, y, BLOCK_WIDTH, height);
            out.stroke();
            out.setNonStrokingColor(0.75f, 0f, 0f);
            float lineY = y + height - LEADING;
            for (String line : lines) {
                out.beginText();
                out.setFont(regular, SIZE);
                out.newLineAtOffset(x + 6, lineY);
                out.showText(fit(regular, line));
                out.endText();
                lineY -= LEADING;
            }
        }
    }

    /** Shortens a line that would leave the block (long agency names). */
    private static String fit(PDType0Font font, String line) throws IOException {
        float max = BLOCK_WIDTH - 12;
        if (font.getStringWidth(line) / 1000 * SIZE <= max) {
            return line;
        }
        String shown = line;
        while (shown.length() > 4 && font.getStringWidth(shown + "…") / 1000 * SIZE > max) {
            shown = shown.substring(0, shown.length() - 1);
        }
        return shown + "…";
    }
}
