package vn.motcua.app.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a server's console output on a daemon thread: each line at DEBUG (its log file has the same lines), and
 * the last ones kept for the message of a failed start.
 */
final class ServerOutput {

    private static final Logger serverOutput = LoggerFactory.getLogger("vn.motcua.embedded.elasticsearch");
    private static final int TAIL_LINES = 60;

    private final Deque<String> tail = new ArrayDeque<>(); // guarded by itself
    private final Thread reader;

    private ServerOutput(Process process) {
        reader = new Thread(() -> read(process), "embedded-elasticsearch-output");
        reader.setDaemon(true);
    }

    static ServerOutput follow(Process process) {
        ServerOutput output = new ServerOutput(process);
        output.reader.start();
        return output;
    }

    private void read(Process process) {
        try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line; (line = lines.readLine()) != null; ) {
                serverOutput.debug(line);
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** After the process died: lets the reader take in its last words. */
    void awaitDrained() {
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<String> lastLines() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }
}
