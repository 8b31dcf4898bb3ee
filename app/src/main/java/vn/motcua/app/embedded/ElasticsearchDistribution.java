package vn.motcua.app.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch distribution zip the build leaves in {@code app/target/embedded/} (not inside the application
 * jar: production does not run it), and its unpacking into the server's folder.
 */
record ElasticsearchDistribution(Path zip, String version) {

    /** Where the build's run and test commands say the zip is. */
    static final String PROPERTY = "motcua.embedded.elasticsearch.distribution";

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);
    private static final Pattern NAME = Pattern.compile("elasticsearch-(.+)\\.zip");

    /** @param zip the distribution, named {@code elasticsearch-<version>.zip}; null when not configured */
    static ElasticsearchDistribution of(Path zip) {
        if (zip == null || !Files.isRegularFile(zip)) {
            throw new IllegalStateException("No Elasticsearch distribution "
                    + (zip == null ? "configured (" + PROPERTY + " is not set)" : "at " + zip + " (" + PROPERTY + ")")
                    + ". The app module's build puts it in app/target/embedded/ and the run command"
                    + " (mvn -pl app -am spring-boot:run) and the tests point " + PROPERTY + " at it;"
                    + " set spring.elasticsearch.uris to use an Elasticsearch of your own.");
        }
        Matcher name = NAME.matcher(zip.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalStateException("Unexpected Elasticsearch distribution name: " + zip);
        }
        return new ElasticsearchDistribution(zip.toAbsolutePath().normalize(), name.group(1));
    }

    /**
     * Unpacks the distribution once into {@code <home>/dist-<version>}: into a scratch folder first, then renamed,
     * so an interrupted first start never leaves a half distribution that later starts would trust.
     */
    Path unpackInto(Path home) throws IOException {
        Path dist = home.resolve("dist-" + version);
        if (Files.isDirectory(dist)) {
            return dist;
        }
        long t0 = System.nanoTime();
        log.info("Unpacking Elasticsearch {} into {} (first start only)", version, dist);
        Path scratch = home.resolve("dist-" + version + ".unpacking");
        deleteRecursively(scratch);
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(new BufferedInputStream(in))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                // Entries sit under one top folder (elasticsearch-<version>/), which is dropped.
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path target = scratch.resolve(relative).normalize();
                if (!target.startsWith(scratch)) {
                    throw new IOException("Entry outside the distribution folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                // java.util.zip does not carry Unix modes; the scripts in bin/ must be executable.
                if (relative.startsWith("bin/")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        // The server's working directory is the distribution; its jvm.options write gc logs to logs/ there.
        Files.createDirectories(scratch.resolve("logs"));
        Files.createDirectories(scratch.resolve("plugins"));
        Files.move(scratch, dist, StandardCopyOption.ATOMIC_MOVE);
        log.info(
                "Unpacked Elasticsearch {} in {} s",
                version,
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        return dist;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
