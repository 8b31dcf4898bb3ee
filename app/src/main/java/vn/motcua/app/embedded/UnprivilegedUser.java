package vn.motcua.app.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Elasticsearch refuses to run as root, so a root JVM starts it as nobody/nogroup (uid and gid 65534): checks
 * that nobody can reach the folder and this JVM's Java, gives the folder to nobody, and prefixes the command.
 */
final class UnprivilegedUser {

    static final int ID = 65534;

    private UnprivilegedUser() {}

    static boolean runningAsRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")); // no /proc (macOS)
        }
    }

    /**
     * nobody must be able to walk down to the folder (it becomes the folder's owner, so only the parents matter)
     * and to run this JVM. Checking first turns an obscure AccessDeniedException inside Elasticsearch into advice.
     */
    static void checkCanReach(Path home) throws IOException {
        Optional<Path> blocked = firstUntraversable(home.getParent());
        if (blocked.isPresent()) {
            throw new IllegalStateException(
                    "The application runs as root, so the embedded Elasticsearch runs as user nobody (uid "
                            + ID
                            + "), since Elasticsearch refuses to run as root. But nobody cannot enter "
                            + blocked.get() + " (" + modeOf(blocked.get()) + "), on the way to " + home
                            + ". Either allow it (chmod o+x " + blocked.get() + "), or set motcua.data-dir to a folder"
                            + " that others can reach (e.g. under /srv or /var/lib), or run the application as an ordinary user,"
                            + " or set spring.elasticsearch.uris to use an Elasticsearch of your own.");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Optional<Path> javaBlocked = firstUntraversable(java.getParent());
        if (javaBlocked.isPresent() || (unixInt(java, "mode") & 0001) == 0) {
            throw new IllegalStateException(
                    "The application runs as root, so the embedded Elasticsearch runs as user nobody (uid "
                            + ID + ") with this application's Java (" + java
                            + "), but nobody cannot run it"
                            + javaBlocked
                                    .map(p -> " (it cannot enter " + p + ")")
                                    .orElse("")
                            + ". Use a Java installed for all users (e.g. under /usr/lib/jvm), run the application as an ordinary user,"
                            + " or set spring.elasticsearch.uris to use an Elasticsearch of your own.");
        }
    }

    /** Gives the whole folder to nobody; only files that are not yet theirs, so later starts are quick. */
    static void handOver(Path home) throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (unixInt(p, "uid") != ID) {
                    Files.setAttribute(p, "unix:uid", ID, LinkOption.NOFOLLOW_LINKS);
                }
                if (unixInt(p, "gid") != ID) {
                    Files.setAttribute(p, "unix:gid", ID, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** What goes before the server's command so that it runs as nobody. */
    static List<String> commandPrefix() {
        return List.of(setpriv(), "--reuid=" + ID, "--regid=" + ID, "--clear-groups");
    }

    private static Optional<Path> firstUntraversable(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            int mode = unixInt(p, "mode");
            boolean allowed = unixInt(p, "uid") == ID
                    ? (mode & 0100) != 0
                    : unixInt(p, "gid") == ID ? (mode & 0010) != 0 : (mode & 0001) != 0;
            if (!allowed) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String modeOf(Path p) throws IOException {
        return "mode " + Integer.toOctalString(unixInt(p, "mode") & 07777) + ", owner uid " + unixInt(p, "uid");
    }

    private static int unixInt(Path p, String attribute) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:" + attribute, LinkOption.NOFOLLOW_LINKS);
    }

    private static String setpriv() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "setpriv");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(
                "The application runs as root and needs setpriv (package util-linux) to start the"
                        + " embedded Elasticsearch as user nobody; install it, run as an ordinary user, or set spring.elasticsearch.uris");
    }
}
