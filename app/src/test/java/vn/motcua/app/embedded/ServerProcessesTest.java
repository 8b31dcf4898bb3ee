package vn.motcua.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessesTest {

    @TempDir
    Path folder;

    @Test
    void aHeldFolderLockIsRefusedNamingTheFolder() throws Exception {
        Path lockFile = folder.resolve("instance.lock");
        try (FileChannel held = ServerProcesses.lock(lockFile, "Elasticsearch")) {
            assertThatThrownBy(() -> ServerProcesses.lock(lockFile, "Elasticsearch"))
                    .hasMessage("Another running application uses the embedded Elasticsearch in " + folder
                            + ". Stop it first, or give this one another motcua.data-dir.");
            assertThatThrownBy(() -> ServerProcesses.ensureUnlocked(lockFile, "PostgreSQL"))
                    .hasMessageContaining("embedded PostgreSQL in " + folder);
        }
        try (FileChannel again = ServerProcesses.lock(lockFile, "Elasticsearch")) {
            assertThat(again.isOpen()).isTrue();
        }
        ServerProcesses.ensureUnlocked(lockFile, "PostgreSQL");
    }

    @Test
    void anAbsentLockFileIsNotCreated() throws Exception {
        ServerProcesses.ensureUnlocked(folder.resolve("epg-lock"), "PostgreSQL");
        assertThat(folder.resolve("epg-lock")).doesNotExist();
    }

    @Test
    void aLeftoverIsTheLiveProcessOfThePidFileThatNamesTheFolder() throws Exception {
        Path data = Files.createDirectories(folder.resolve("postgres"));
        Path sibling = Files.createDirectories(folder.resolve("postgres2"));
        Process server = new ProcessBuilder("sh", "-c", "sleep 60; exit 0", data.toString()).start();
        Process other = new ProcessBuilder("sh", "-c", "sleep 60; exit 0", sibling.toString()).start();
        try {
            Path pidFile = Files.writeString(data.resolve("server.pid"), server.pid() + "\nmore lines\n");
            Path otherPidFile = Files.writeString(data.resolve("other.pid"), other.pid() + "\n");

            assertThat(ServerProcesses.leftover(pidFile, data))
                    .hasValueSatisfying(p -> assertThat(p.pid()).isEqualTo(server.pid()));
            assertThat(ServerProcesses.leftover(otherPidFile, data))
                    .as("pids are reused: a process that names another folder is not ours")
                    .isEmpty();
            assertThat(ServerProcesses.leftover(data.resolve("absent.pid"), data))
                    .isEmpty();

            assertThat(ServerProcesses.terminate(server.toHandle(), "test server", Duration.ofSeconds(10)))
                    .isTrue();
            assertThat(server.isAlive()).isFalse();
            assertThat(ServerProcesses.leftover(pidFile, data)).isEmpty();
        } finally {
            server.destroyForcibly();
            other.destroyForcibly();
        }
    }
}
