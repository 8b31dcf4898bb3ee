package vn.motcua.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Component;

/**
 * Adds an RFC 3161 signature timestamp (the unsigned attribute id-aa-signatureTimeStampToken, PAdES baseline T) to
 * each signer of a CMS signature, from the timestamp authority of {@link TimestampProperties}; without one, leaves the
 * signature as it is. An authority that cannot be reached or answers badly fails the signature
 * ({@link SigningException}), so the signing step is retried rather than issuing a result without the promised
 * timestamp.
 */
@Component
public class Timestamps {

    /** No authority: signatures are left untimestamped. */
    public static final Timestamps NONE = new Timestamps(new TimestampProperties(null, Duration.ofSeconds(10)));

    private static final SecureRandom NONCES = new SecureRandom();

    private final TimestampProperties properties;
    private final HttpClient http;

    public Timestamps(TimestampProperties properties) {
        this.properties = properties;
        this.http = properties.url() == null
                ? null
                : HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    public boolean enabled() {
        return properties.url() != null;
    }

    /** The CMS signature with a timestamp token on each signer, or as it is when no authority is configured. */
    public byte[] stamp(byte[] cms) {
        if (!enabled()) {
            return cms;
        }
        try {
            CMSSignedData signed = new CMSSignedData(cms);
            List<SignerInformation> stamped = new ArrayList<>();
            for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
                TimeStampToken token = token(signer.getSignature());
                AttributeTable unsigned = signer.getUnsignedAttributes();
                ASN1EncodableVector attributes =
                        unsigned == null ? new ASN1EncodableVector() : unsigned.toASN1EncodableVector();
                attributes.add(new Attribute(
                        PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(ASN1Primitive.fromByteArray(token.getEncoded()))));
                stamped.add(SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attributes)));
            }
            return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped))
                    .getEncoded(ASN1Encoding.DER);
        } catch (CMSException | IOException e) {
            throw new SigningException("Cannot add the timestamp to the signature: " + e.getMessage(), e);
        }
    }

    /** Asks the authority to timestamp the signature value (SHA-256 imprint, a nonce, its certificate). */
    TimeStampToken token(byte[] signatureValue) {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(
                    NISTObjectIdentifiers.id_sha256,
                    MessageDigest.getInstance("SHA-256").digest(signatureValue),
                    new BigInteger(64, NONCES));
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(properties.url())
                            .timeout(properties.timeout())
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new SigningException(
                        "The timestamp authority " + properties.url() + " answered HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new SigningException("The timestamp authority " + properties.url() + " refused the request: "
                        + response.getStatusString());
            }
            return response.getTimeStampToken();
        } catch (IOException | TSPException | NoSuchAlgorithmException e) {
            throw new SigningException("The timestamp authority " + properties.url() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("Interrupted while waiting for the timestamp authority", e);
        }
    }
}
