package vn.motcua.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program a test runs, from a Debian package that {@code .ci/run} installs. The policy for every such tool:
 * a missing one fails the test loudly, naming the package; never a skipped test or a check silently left out.
 */
public final class RequiredTool {

    private RequiredTool() {}

    /** The executable at {@code binary}, or an {@link AssertionError} telling what to install. */
    public static Path require(String binary, String debianPackage) {
        Path path = Path.of(binary);
        if (!Files.isExecutable(path)) {
            // Same wording as the app module's check of Chromium (vn.motcua.app.Chromium).
            throw new AssertionError(binary + " is missing: install the Debian package " + debianPackage
                    + " (apt-get install " + debianPackage + "; .ci/run does)");
        }
        return path;
    }
}
