package vn.motcua.app.config;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Whether the application runs on its embedded defaults (an embedded PostgreSQL it starts itself,
 * for a laptop, a demo or a trial) rather than on infrastructure an operator configured.
 *
 * <p>The rule: embedded mode is on when {@value #DATASOURCE_URL_PROPERTY} is not set. Code that starts
 * the embedded database and then publishes its URL into the {@link Environment} must also set
 * {@value #ACTIVE_PROPERTY}{@code =true}, or everything asking this question afterwards would take the
 * published URL for an operator's and think it runs in production.
 *
 * <p>Use {@link ConditionalOnEmbeddedDefaults} on beans; call {@link #isActive(Environment)} elsewhere.
 */
public final class EmbeddedDefaults {

    /** The property an operator sets to run on a real database. */
    public static final String DATASOURCE_URL_PROPERTY = "spring.datasource.url";

    /** Set to {@code true} by the embedded defaults when they publish the URL of the database they started. */
    public static final String ACTIVE_PROPERTY = "motcua.embedded-defaults.active";

    private EmbeddedDefaults() {}

    public static boolean isActive(Environment environment) {
        return !StringUtils.hasText(environment.getProperty(DATASOURCE_URL_PROPERTY))
                || environment.getProperty(ACTIVE_PROPERTY, Boolean.class, false);
    }
}
