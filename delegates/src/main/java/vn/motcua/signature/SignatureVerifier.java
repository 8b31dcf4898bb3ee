package vn.motcua.signature;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DocumentType;

/**
 * Checks the signatures of any PDF: whether each is intact (the bytes it covers are those signed), trusted (its
 * certificate chains to a {@link TrustAnchors trusted CA}, as of the signing time), and whether the last one covers
 * the whole file (nothing, such as added pages, was appended after signing). Revocation is not checked: no CRL or
 * OCSP responder is configured yet.
 */
@Component
public class SignatureVerifier {

    private final TrustAnchors anchors;

    public SignatureVerifier(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    /** What was found. {@code valid}: signed, every signature intact and trusted, the last one covering all. */
    public record Verification(boolean signed, boolean valid, List<SignatureCheck> signatures) {}

    /** One signature. {@code testCertificate}: signed with a certificate of a local test CA. */
    public record SignatureCheck(
            String signer,
            String organisation,
            Instant signedAt,
            boolean intact,
            boolean trusted,
            boolean coversWholeDocument,
            String dossierCode,
            boolean testCertificate,
            String problem) {}

    /** @throws NotAPdfException when the bytes are not a PDF that can be read */
    public Verification verify(byte[] pdf) {
        if (DocumentType.sniff(pdf).filter(t -> t == DocumentType.PDF).isEmpty()) {
            throw new NotAPdfException("The file is not a PDF");
        }
        List<SignatureCheck> checks = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Set<TrustAnchor> trusted = new HashSet<>();
            anchors.certificates().forEach(c -> trusted.add(new TrustAnchor(c, null)));
            for (PDSignature signature : document.getSignatureDictionaries()) {
                checks.add(check(signature, pdf, trusted));
            }
        } catch (IOException e) {
            throw new NotAPdfException("The file cannot be read as a PDF: " + e.getMessage());
        }
        boolean signed = !checks.isEmpty();
        boolean valid = signed
                && checks.stream().allMatch(c -> c.intact() && c.trusted())
                && checks.get(checks.size() - 1).coversWholeDocument();
        return new Verification(signed, valid, checks);
    }

    private static SignatureCheck check(PDSignature signature, byte[] pdf, Set<TrustAnchor> anchors) {
        int[] range = signature.getByteRange();
        boolean coversAll = range != null && range.length == 4 && (long) range[2] + range[3] == pdf.length;
        Instant signedAt =
                signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        String dossierCode = signature.getCOSObject().getString(PdfSigner.DOSSIER_CODE);
        try {
            // The first ASN.1 object only: /Contents is padded with zeros after it.
            ContentInfo content;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents())) {
                content = ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms =
                    new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), content);
            SignerInformation signer =
                    cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Selector<X509CertificateHolder> selector = (Selector<X509CertificateHolder>) signer.getSID();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = converter.getCertificate(
                    cms.getCertificates().getMatches(selector).iterator().next());
            List<X509Certificate> others = new ArrayList<>();
            for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                X509Certificate c = converter.getCertificate(holder);
                if (!c.equals(certificate)) {
                    others.add(c);
                }
            }
            boolean intact;
            String problem = null;
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (Exception e) {
                intact = false;
                problem = "the signed bytes were changed: " + e.getMessage();
            }
            if (!intact && problem == null) {
                problem = "the signed bytes were changed";
            }
            String untrusted = trustProblem(certificate, others, anchors, signedAt);
            X500Name subject =
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            return new SignatureCheck(
                    value(subject, BCStyle.CN),
                    value(subject, BCStyle.O),
                    signedAt,
                    intact,
                    untrusted == null,
                    coversAll,
                    dossierCode,
                    TestCertificateAuthority.isTestCertificate(certificate),
                    problem != null ? problem : untrusted);
        } catch (Exception e) {
            return new SignatureCheck(
                    signature.getName(),
                    null,
                    signedAt,
                    false,
                    false,
                    coversAll,
                    dossierCode,
                    false,
                    "the signature cannot be read: " + e.getMessage());
        }
    }

    /** Null when the certificate chains to an anchor (valid at the signing time), else why not. */
    private static String trustProblem(
            X509Certificate certificate, List<X509Certificate> others, Set<TrustAnchor> anchors, Instant at) {
        if (anchors.isEmpty()) {
            return "no trusted CA is configured (motcua.signatures.trusted-certificates)";
        }
        try {
            List<X509Certificate> path = new ArrayList<>();
            path.add(certificate);
            // The chain as embedded, issuer after subject, without the anchors themselves.
            X509Certificate current = certificate;
            boolean extended = true;
            while (extended) {
                extended = false;
                for (X509Certificate c : others) {
                    if (!path.contains(c)
                            && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                            && anchors.stream()
                                    .noneMatch(a -> a.getTrustedCert().equals(c))) {
                        path.add(c);
                        current = c;
                        extended = true;
                        break;
                    }
                }
            }
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            if (at != null) {
                parameters.setDate(Date.from(at));
            }
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return null;
        } catch (GeneralSecurityException e) {
            return "the certificate does not chain to a trusted CA: " + e.getMessage();
        }
    }

    private static String value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        // The plain text of the name, not its escaped RFC 4514 form.
        return rdns[0].getFirst().getValue() instanceof ASN1String text
                ? text.getString()
                : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
