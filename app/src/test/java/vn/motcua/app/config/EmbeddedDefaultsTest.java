package vn.motcua.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDefaultsTest {

    @Test
    void embeddedWithoutDatasourceUrl() {
        assertThat(EmbeddedDefaults.isActive(new MockEnvironment())).isTrue();
        assertThat(EmbeddedDefaults.isActive(new MockEnvironment().withProperty("spring.datasource.url", " ")))
                .isTrue();
    }

    @Test
    void configuredWithDatasourceUrl() {
        assertThat(EmbeddedDefaults.isActive(
                        new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/motcua")))
                .isFalse();
    }

    @Test
    void embeddedDefaultsThatPublishTheirUrlSayYes() {
        assertThat(EmbeddedDefaults.isActive(new MockEnvironment()
                        .withProperty("spring.datasource.url", "jdbc:postgresql://localhost:54321/postgres")
                        .withProperty("motcua.embedded-defaults.active", "true")))
                .isTrue();
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Beans.class);

    @Test
    void conditionSelectsTheBeansOfEachMode() {
        contexts.run(context -> assertThat(context).hasBean("embeddedOnly").doesNotHaveBean("configuredOnly"));
        contexts.withPropertyValues("spring.datasource.url=jdbc:postgresql://db/motcua")
                .run(context -> assertThat(context).hasBean("configuredOnly").doesNotHaveBean("embeddedOnly"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        @ConditionalOnEmbeddedDefaults
        String embeddedOnly() {
            return "embedded";
        }

        @Bean
        @ConditionalOnEmbeddedDefaults(false)
        String configuredOnly() {
            return "configured";
        }
    }
}
