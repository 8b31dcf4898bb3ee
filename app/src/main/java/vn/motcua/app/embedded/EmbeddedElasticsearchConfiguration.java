package vn.motcua.app.embedded;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node.Protocol;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.elasticsearch.uris}, an embedded Elasticsearch under {@code <motcua.data-dir>/elasticsearch}.
 * It is launched before the DataSource is created, the first of the slow beans, and boots in its own process while
 * PostgreSQL, the engine and Flyway start; {@link ReadinessGate} then holds the application back until it answers.
 * Boot's Elasticsearch client and its health indicator reach it through the connection details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbedded(EmbeddedServer.ELASTICSEARCH)
class EmbeddedElasticsearchConfiguration {

    // Destroyed after every bean that uses the client, since they all depend on it through the connection details.
    @Bean(destroyMethod = "stop")
    EmbeddedElasticsearch embeddedElasticsearch(DataDirectoryProperties dataDirectory, EmbeddedProperties embedded) {
        EmbeddedElasticsearch elasticsearch = new EmbeddedElasticsearch(
                ElasticsearchDistribution.of(embedded.elasticsearch().distribution()),
                dataDirectory.resolve("elasticsearch"),
                embedded.elasticsearch().portOrZero(),
                embedded.elasticsearch().startTimeout());
        elasticsearch.start();
        return elasticsearch;
    }

    /**
     * Without this the launch would wait for the ordinary creation of singletons, after the web server has built
     * the engine (Camunda's web apps need it), and Elasticsearch would boot after everything else instead of alongside.
     */
    @Bean
    static LaunchBeforeDataSource embeddedElasticsearchBeforeDataSource() {
        return new LaunchBeforeDataSource();
    }

    @Bean
    ElasticsearchConnectionDetails embeddedElasticsearchConnectionDetails(EmbeddedElasticsearch elasticsearch) {
        List<Node> nodes = List.of(new Node(EmbeddedElasticsearch.HOST, elasticsearch.port(), Protocol.HTTP));
        return () -> nodes;
    }

    @Bean
    ReadinessGate embeddedElasticsearchReadiness(EmbeddedElasticsearch elasticsearch) {
        return new ReadinessGate(elasticsearch);
    }

    /** Restarts the embedded Elasticsearch when it dies (docs/operations.md). */
    @Bean
    ElasticsearchWatchdog embeddedElasticsearchWatchdog(EmbeddedElasticsearch elasticsearch) {
        return new ElasticsearchWatchdog(elasticsearch);
    }

    static final class LaunchBeforeDataSource extends AbstractDependsOnBeanFactoryPostProcessor {
        LaunchBeforeDataSource() {
            super(DataSource.class, "embeddedElasticsearch");
        }
    }

    /**
     * Lifecycle beans start after every singleton is created and before the web server opens its port, and the
     * application counts as started only after them: waiting here lets everything else boot in parallel with
     * Elasticsearch, yet nothing is served before the index is usable. The earliest phase, so that components
     * that start later (an outbox indexer) can rely on it. Stopping is left to the bean's destroy method, which
     * runs after the beans that use Elasticsearch are gone.
     */
    static final class ReadinessGate implements SmartLifecycle {

        private final EmbeddedElasticsearch elasticsearch;
        private volatile boolean running;

        ReadinessGate(EmbeddedElasticsearch elasticsearch) {
            this.elasticsearch = elasticsearch;
        }

        @Override
        public void start() {
            elasticsearch.awaitReady();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MIN_VALUE;
        }
    }
}
