package vn.motcua.signature;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The detached CMS SignedData of a PAdES baseline B signature (CAdES: the content digest and the signer's certificate
 * bound by signing-certificate-v2 as signed attributes, no signing-time attribute since the time is the PDF's /M, the
 * chain embedded), built here whoever holds the key. The {@link ContentSigner} only turns the DER of the signed
 * attributes into the raw signature value: a local private key for {@link KeystoreSigningProvider}, a remote-signing
 * service given the attributes' SHA-256 hash for {@link CscSigningProvider}.
 */
final class CadesSignedData {

    private CadesSignedData() {}

    /**
     * @param chain         the signer's certificate first, then its issuers (all embedded)
     * @param signer        makes the signature value over the signed attributes (SHA-256 with RSA)
     * @param signedContent the bytes the PDF signature covers
     * @param whose         "agency …" or "user …", for the failure's message
     */
    static byte[] build(List<X509Certificate> chain, ContentSigner signer, InputStream signedContent, String whose) {
        try {
            X509Certificate certificate = chain.get(0);
            // PAdES baseline B: the signer's certificate bound by signing-certificate-v2; the time is the PDF's /M.
            Attribute signingCertificate = new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(
                            new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())))));
            DefaultSignedAttributeTableGenerator attributes =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(signingCertificate));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(parameters ->
                                    attributes.getAttributes(parameters).remove(CMSAttributes.signingTime))
                            .build(signer, certificate));
            generator.addCertificates(new JcaCertStore(chain));
            return generator
                    .generate(new CMSProcessableByteArray(signedContent.readAllBytes()), false)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException | GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new SigningException("Cannot sign for " + whose + ": " + e.getMessage(), e);
        }
    }
}
