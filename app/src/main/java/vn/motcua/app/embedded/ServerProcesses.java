package vn.motcua.app.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both embedded servers need around their processes: a folder lock so that two applications never share
 * one data folder, the pid file of a server a crashed run left behind, and stopping a process for good.
 */
final class ServerProcesses {

    private static final Logger log = LoggerFactory.getLogger(ServerProcesses.class);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private ServerProcesses() {}

    /**
     * Takes the lock on {@code lockFile} (creating it) and keeps it until the returned channel is closed.
     *
     * @throws IllegalStateException naming the folder when another live application holds it
     */
    static FileChannel lock(Path lockFile, String server) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (!tryLock(channel)) {
            channel.close();
            throw inUse(server, lockFile.getParent());
        }
        return channel;
    }

    /** Fails like {@link #lock} when someone holds {@code lockFile}; never creates it. */
    static void ensureUnlocked(Path lockFile, String server) throws IOException {
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            if (!tryLock(channel)) {
                throw inUse(server, lockFile.getParent());
            }
        } // closing releases the lock
    }

    private static boolean tryLock(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // held by this JVM
        }
    }

    private static IllegalStateException inUse(String server, Path folder) {
        return new IllegalStateException("Another running application uses the embedded " + server + " in " + folder
                + ". Stop it first, or give this one another motcua.data-dir.");
    }

    /** The number on the first line of a pid file, if there is one. */
    static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The live process a pid file names, if its command line names {@code folder} too: pids are reused, so the
     * number alone could point at an unrelated process. The caller holds the folder's lock, so no live
     * application owns such a process.
     */
    static Optional<ProcessHandle> leftover(Path pidFile, Path folder) {
        Pattern namesFolder = Pattern.compile(Pattern.quote(folder.toString()) + "(/|\\s|$)");
        return readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(p -> p.isAlive()
                        && p.info()
                                .commandLine()
                                .map(line -> namesFolder.matcher(line).find())
                                .orElse(false));
    }

    /**
     * SIGTERM, up to {@code grace} to exit, then SIGKILL; afterwards kills whatever it started that is still
     * there. True when all are gone; logs why otherwise.
     */
    static boolean terminate(ProcessHandle process, String what, Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!awaitExit(process, grace)) {
            log.warn("The {} (pid {}) did not stop within {} s: killing it", what, process.pid(), grace.toSeconds());
            process.destroyForcibly();
            awaitExit(process, KILL_TIMEOUT);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) { // servers watch their parent and stop with it; this is a last resort
                child.destroyForcibly();
                awaitExit(child, KILL_TIMEOUT);
            }
        }
        boolean gone = !process.isAlive() && children.stream().noneMatch(ProcessHandle::isAlive);
        if (!gone) {
            log.error("The {} (pid {}) could not be stopped", what, process.pid());
        }
        return gone;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
