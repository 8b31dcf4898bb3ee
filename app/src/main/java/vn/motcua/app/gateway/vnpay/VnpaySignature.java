package vn.motcua.app.gateway.vnpay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNPAY 2.1.0's signature: {@code vnp_SecureHash} = HMAC-SHA512, keyed with the merchant's secret, over the
 * parameters sorted by name, each {@code name=value} URL-encoded (form encoding: a space is {@code +}), joined with
 * {@code &}; empty values and the signature fields themselves left out. The same string is the query of the redirect.
 */
public final class VnpaySignature {

    public static final String SECURE_HASH = "vnp_SecureHash";
    public static final String SECURE_HASH_TYPE = "vnp_SecureHashType";
    private static final String HMAC = "HmacSHA512";

    private VnpaySignature() {}

    /** The signed data: sorted, encoded {@code name=value} pairs joined with {@code &}. */
    public static String canonical(Map<String, String> parameters) {
        StringJoiner joined = new StringJoiner("&");
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (value != null && !value.isEmpty() && !name.equals(SECURE_HASH) && !name.equals(SECURE_HASH_TYPE)) {
                joined.add(encode(name) + "=" + encode(value));
            }
        });
        return joined.toString();
    }

    /** The lowercase hexadecimal HMAC-SHA512 of the parameters. */
    public static String sign(Map<String, String> parameters, String secret) {
        return hmacSha512(secret, canonical(parameters));
    }

    /** The parameters and their signature as a query string (without {@code ?}). */
    public static String signedQuery(Map<String, String> parameters, String secret) {
        String canonical = canonical(parameters);
        return canonical + "&" + SECURE_HASH + "=" + hmacSha512(secret, canonical);
    }

    /** Whether {@code vnp_SecureHash} is the parameters' signature (compared in constant time, any letter case). */
    public static boolean verify(Map<String, String> parameters, String secret) {
        String given = parameters.get(SECURE_HASH);
        if (given == null || given.isEmpty()) {
            return false;
        }
        byte[] expected = sign(parameters, secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(
                expected, given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String hmacSha512(String secret, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is part of every Java runtime", e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
