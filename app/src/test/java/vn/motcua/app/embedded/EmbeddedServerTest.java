package vn.motcua.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

/** The one rule for "embedded mode": a server is embedded when its Spring Boot property has no value. */
class EmbeddedServerTest {

    @Test
    void embeddedWithoutDatasourceUrl() {
        assertThat(EmbeddedServer.POSTGRES.isEmbedded(new MockEnvironment())).isTrue();
        assertThat(EmbeddedServer.POSTGRES.isEmbedded(new MockEnvironment().withProperty("spring.datasource.url", " ")))
                .isTrue();
    }

    @Test
    void configuredWithDatasourceUrl() {
        assertThat(EmbeddedServer.POSTGRES.isEmbedded(
                        new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/motcua")))
                .isFalse();
    }

    @Test
    void elasticsearchUrisCountInEveryForm() {
        assertThat(EmbeddedServer.ELASTICSEARCH.isEmbedded(new MockEnvironment()))
                .isTrue();
        assertThat(EmbeddedServer.ELASTICSEARCH.isEmbedded(
                        new MockEnvironment().withProperty("spring.elasticsearch.uris", "http://es:9200")))
                .isFalse();
        assertThat(EmbeddedServer.ELASTICSEARCH.isEmbedded(
                        new MockEnvironment().withProperty("spring.elasticsearch.uris[0]", "http://es:9200")))
                .isFalse();
    }

    @Test
    void anyEmbeddedUntilBothAreConfigured() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/motcua");
        assertThat(EmbeddedServer.anyEmbedded(environment)).isTrue();
        assertThat(EmbeddedServer.anyEmbedded(environment.withProperty("spring.elasticsearch.uris", "http://es:9200")))
                .isFalse();
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Beans.class);

    @Test
    void conditionSelectsTheBeansOfEachMode() {
        contexts.run(context -> assertThat(context).hasBean("postgresOnly").hasBean("elasticsearchOnly"));
        contexts.withPropertyValues("spring.datasource.url=jdbc:postgresql://db/motcua")
                .run(context ->
                        assertThat(context).doesNotHaveBean("postgresOnly").hasBean("elasticsearchOnly"));
        contexts.withPropertyValues("spring.elasticsearch.uris=http://es:9200")
                .run(context -> assertThat(context).hasBean("postgresOnly").doesNotHaveBean("elasticsearchOnly"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        @ConditionalOnEmbedded(EmbeddedServer.POSTGRES)
        String postgresOnly() {
            return "embedded PostgreSQL";
        }

        @Bean
        @ConditionalOnEmbedded(EmbeddedServer.ELASTICSEARCH)
        String elasticsearchOnly() {
            return "embedded Elasticsearch";
        }
    }
}
