package vn.motcua.app.gateway.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The simulator's merchant: a fixed terminal code and a secret made at the first start under the data folder and
 * kept, so payment links stay valid across restarts. Shared by the simulated gateway and the application's adapter,
 * as a real merchant's secret is shared with VNPAY.
 */
public record SimulatedMerchant(Path directory, String hashSecret) {

    /** The simulator's terminal code, {@code vnp_TmnCode}. */
    public static final String TMN_CODE = "GIALAP01";

    static final String SECRET_FILE = "merchant-secret";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static SimulatedMerchant openOrCreate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(SECRET_FILE);
            if (!Files.exists(file)) {
                SecureRandom random = new SecureRandom();
                StringBuilder secret = new StringBuilder();
                for (int i = 0; i < 32; i++) {
                    secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                try {
                    Files.writeString(
                            file, secret, StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE_NEW);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // a file system without POSIX permissions: the data folder's own protection applies
                    }
                } catch (FileAlreadyExistsException another) {
                    // another start made it first: use that one
                }
            }
            return new SimulatedMerchant(
                    directory, Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the payment simulator's secret in " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "SimulatedMerchant[" + TMN_CODE + ", " + directory + "]";
    }
}
