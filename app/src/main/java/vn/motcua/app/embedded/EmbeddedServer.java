package vn.motcua.app.embedded;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The servers the application starts itself when it is not told where real ones are, and the one rule that
 * decides it: a server is embedded when its Spring Boot property has no value. Everything that asks "embedded
 * mode?" (the embedded servers, the demo accounts, the shutdown order, the log notice) asks here.
 */
public enum EmbeddedServer {
    POSTGRES("PostgreSQL", "spring.datasource.url"),
    ELASTICSEARCH("Elasticsearch", "spring.elasticsearch.uris");

    private final String product;
    private final String property;

    EmbeddedServer(String product, String property) {
        this.product = product;
        this.property = property;
    }

    public String product() {
        return product;
    }

    /** The property an operator sets to use a real server instead. */
    public String property() {
        return property;
    }

    /** True when the application starts this server itself: {@link #property()} is not set (or blank). */
    public boolean isEmbedded(Environment environment) {
        return configuredValues(environment).isEmpty();
    }

    /** True when any server is embedded. */
    public static boolean anyEmbedded(Environment environment) {
        for (EmbeddedServer server : values()) {
            if (server.isEmbedded(environment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The property's non-blank values. Bound as a list so that every way of setting it counts: a plain value,
     * a YAML list ({@code uris[0]}), a comma-separated value or an environment variable.
     */
    List<String> configuredValues(Environment environment) {
        return Binder.get(environment)
                .bind(property, Bindable.listOf(String.class))
                .map(list -> list.stream().filter(StringUtils::hasText).toList())
                .orElse(List.of());
    }
}
