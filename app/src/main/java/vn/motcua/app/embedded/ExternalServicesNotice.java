package vn.motcua.app.embedded;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says in the log when the production switches are set and nothing embedded is started, so nobody wonders
 * which database the application is using. Credentials in the values are not logged.
 */
@Component
class ExternalServicesNotice {

    private static final Logger log = LoggerFactory.getLogger(ExternalServicesNotice.class);

    ExternalServicesNotice(Environment environment) {
        String datasource = environment.getProperty("spring.datasource.url");
        if (!EmbeddedServer.POSTGRES.isEmbedded(environment)) {
            log.info(
                    "Using the external database at {} (spring.datasource.url); no embedded PostgreSQL started",
                    withoutParameters(datasource));
        }
        List<String> elasticsearch = EmbeddedServer.ELASTICSEARCH.configuredValues(environment);
        if (!elasticsearch.isEmpty()) {
            log.info(
                    "Using the external Elasticsearch at {} (spring.elasticsearch.uris); no embedded Elasticsearch started",
                    elasticsearch.stream()
                            .map(ExternalServicesNotice::withoutUserInfo)
                            .toList());
        }
    }

    /** JDBC URLs may carry user and password as parameters. */
    private static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl == null ? -1 : jdbcUrl.indexOf('?');
        return query < 0 ? String.valueOf(jdbcUrl) : jdbcUrl.substring(0, query);
    }

    private static String withoutUserInfo(String uri) {
        try {
            URI parsed = URI.create(uri.trim());
            return parsed.getUserInfo() == null
                    ? uri.trim()
                    : new URI(
                                    parsed.getScheme(),
                                    null,
                                    parsed.getHost(),
                                    parsed.getPort(),
                                    parsed.getPath(),
                                    null,
                                    null)
                            .toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "(unparsable URI)";
        }
    }
}
