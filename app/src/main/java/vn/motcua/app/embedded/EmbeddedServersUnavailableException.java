package vn.motcua.app.embedded;

import java.util.List;
import java.util.stream.Collectors;

/** See {@link EmbeddedServersCheck}; {@link EmbeddedServersFailureAnalyzer} turns it into advice. */
class EmbeddedServersUnavailableException extends IllegalStateException {

    static final String RUN_COMMAND = "mvn -B -ntp -pl app -am spring-boot:run";

    private final List<EmbeddedServer> servers;

    EmbeddedServersUnavailableException(List<EmbeddedServer> servers) {
        super(description(servers) + " " + action(servers));
        this.servers = List.copyOf(servers);
    }

    List<EmbeddedServer> servers() {
        return servers;
    }

    static String description(List<EmbeddedServer> servers) {
        return "No " + servers.stream().map(EmbeddedServer::product).collect(Collectors.joining(" and no "))
                + " is configured ("
                + servers.stream().map(EmbeddedServer::property).collect(Collectors.joining(", "))
                + " not set), and this build of the application carries no embedded servers: the production jar"
                + " leaves them out.";
    }

    static String action(List<EmbeddedServer> servers) {
        return "Configure PostgreSQL (spring.datasource.url, spring.datasource.username, spring.datasource.password)"
                + " and Elasticsearch (spring.elasticsearch.uris, and its username and password if it needs them),"
                + " as docs/operations.md describes. To try the whole system on embedded servers instead, run it"
                + " from the source tree with: " + RUN_COMMAND;
    }
}
