package vn.motcua.app.embedded;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * On the embedded defaults (a developer's or a trial machine, with demo accounts whose password is known) the
 * application listens on the loopback interface only, unless {@code server.address} says otherwise: it is then
 * reachable from the machine itself, not from the network (docs/security.md).
 */
public class EmbeddedLoopback implements EnvironmentPostProcessor {

    static final String ADDRESS = "server.address";
    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (EmbeddedServer.anyEmbedded(environment) && !StringUtils.hasText(environment.getProperty(ADDRESS))) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("motcua-embedded-loopback", Map.of(ADDRESS, LOOPBACK)));
        }
    }
}
