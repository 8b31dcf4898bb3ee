package vn.motcua.app.embedded;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code motcua.embedded.*}: tuning of the embedded PostgreSQL and Elasticsearch, used only when
 * {@code spring.datasource.url} and {@code spring.elasticsearch.uris} are not set. A port left empty (or 0)
 * means a free one chosen at each start, which is safe because the application connects through
 * connection-details beans, not through fixed properties.
 */
@ConfigurationProperties("motcua.embedded")
record EmbeddedProperties(
        @DefaultValue Postgres postgres, @DefaultValue Elasticsearch elasticsearch) {

    record Postgres(Integer port) {
        int portOrZero() {
            return port == null ? 0 : port;
        }
    }

    /**
     * {@code startTimeout} counts from the launch, and includes unpacking the distribution on a first start.
     * {@code distribution} is the server's zip, which the build leaves in app/target/embedded/ and the run command
     * and the tests point at; the production jar does not carry it.
     */
    record Elasticsearch(Integer port, @DefaultValue("120s") Duration startTimeout, Path distribution) {
        int portOrZero() {
            return port == null ? 0 : port;
        }
    }
}
