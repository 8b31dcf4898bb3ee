package vn.motcua.app.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code motcua.data-dir}: the one folder that holds everything the application keeps on local disk, so a
 * backup or a move is one folder. Relative paths are taken from the working directory.
 */
@ConfigurationProperties("motcua")
public record DataDirectoryProperties(
        @DefaultValue("./data") Path dataDir) {

    /** A sub-folder of the data folder, absolute, so logs and error messages show where it really is. */
    public Path resolve(String child) {
        return dataDir.toAbsolutePath().normalize().resolve(child);
    }
}
