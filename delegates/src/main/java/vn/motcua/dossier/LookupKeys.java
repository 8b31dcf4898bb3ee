package vn.motcua.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret a citizen keeps to see their own dossier: 16 characters (80 random bits) in four groups,
 * from an alphabet without look-alike characters, so it can be printed on a receipt and typed back.
 * Only its SHA-256 is stored.
 */
public final class LookupKeys {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LookupKeys() {}

    public static String generate() {
        StringBuilder key = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                key.append('-');
            }
            key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }

    /** Case and dashes do not matter when the citizen types the key back. */
    public static String sha256(String key) {
        String normalised = key.replace("-", "").replace(" ", "").toUpperCase();
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(normalised.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in constant time, so the answer's timing says nothing about the stored hash. */
    public static boolean matches(String key, String storedSha256) {
        if (key == null || storedSha256 == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sha256(key).getBytes(StandardCharsets.US_ASCII), storedSha256.getBytes(StandardCharsets.US_ASCII));
    }
}
