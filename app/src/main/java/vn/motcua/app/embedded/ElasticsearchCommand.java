package vn.motcua.app.embedded;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command line and environment that start the embedded Elasticsearch: one node, on loopback, no security. */
final class ElasticsearchCommand {

    static final String HOST = "127.0.0.1";
    /** Also the node name, and the name of its log file under logs/. */
    static final String CLUSTER_NAME = "motcua-embedded";

    private static final String HEAP = "-Xms512m -Xmx512m";

    private final Path dist;
    private final int port;
    private final Path data;
    private final Path logs;
    private final Path tmp;
    private final Path serverPidFile;
    private boolean asUnprivilegedUser;

    private ElasticsearchCommand(Path dist, int port, Path data, Path logs, Path tmp, Path serverPidFile) {
        this.dist = dist;
        this.port = port;
        this.data = data;
        this.logs = logs;
        this.tmp = tmp;
        this.serverPidFile = serverPidFile;
    }

    /** @param dist the unpacked distribution, also the working directory */
    static ElasticsearchCommand of(Path dist, int port, Path data, Path logs, Path tmp, Path serverPidFile) {
        return new ElasticsearchCommand(dist, port, data, logs, tmp, serverPidFile);
    }

    /** Run as nobody ({@link UnprivilegedUser}); for a root JVM. */
    ElasticsearchCommand asUnprivilegedUser(boolean yes) {
        asUnprivilegedUser = yes;
        return this;
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        if (asUnprivilegedUser) {
            command.addAll(UnprivilegedUser.commandPrefix());
        }
        command.add(dist.resolve("bin").resolve("elasticsearch").toString());
        setting(command, "cluster.name", CLUSTER_NAME);
        setting(command, "node.name", CLUSTER_NAME);
        setting(command, "discovery.type", "single-node");
        // Loopback only: the embedded server is for this application, and has no security.
        setting(command, "network.host", HOST);
        setting(command, "http.port", Integer.toString(port));
        setting(command, "path.data", data.toString());
        setting(command, "path.logs", logs.toString());
        setting(command, "xpack.security.enabled", "false");
        // Nothing that downloads or phones out. Each setting only where its module exists: Elasticsearch
        // refuses unknown settings, and the integ-test distribution has neither machine learning nor geoip.
        if (Files.isDirectory(dist.resolve("modules/x-pack-core"))) {
            setting(command, "xpack.ml.enabled", "false");
        }
        if (Files.isDirectory(dist.resolve("modules/ingest-geoip"))) {
            setting(command, "ingest.geoip.downloader.enabled", "false");
        }
        command.add("-p");
        command.add(serverPidFile.toString());
        return command;
    }

    ProcessBuilder processBuilder() {
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        // The application's own JVM options (agents, debug ports) must not reach the server's JVMs, nor an
        // ES_PATH_CONF meant for another Elasticsearch.
        env.keySet()
                .removeIf(key -> key.startsWith("ES_")
                        || key.equals("JAVA_TOOL_OPTIONS")
                        || key.equals("_JAVA_OPTIONS")
                        || key.equals("JDK_JAVA_OPTIONS"));
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_JAVA_OPTS", HEAP);
        env.put("ES_TMPDIR", tmp.toString());
        return builder;
    }

    private static void setting(List<String> command, String name, String value) {
        command.add("-E");
        command.add(name + "=" + value);
    }
}
