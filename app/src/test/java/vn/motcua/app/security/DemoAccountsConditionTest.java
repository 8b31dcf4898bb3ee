package vn.motcua.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Demo accounts (password "demo") must never appear on a configured database unless asked for. */
class DemoAccountsConditionTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Beans.class);

    @Test
    void presentOnTheEmbeddedDefaults() {
        contexts.run(context -> assertThat(context).hasBean("demo"));
    }

    @Test
    void absentOnAConfiguredDatabase() {
        contexts.withPropertyValues("spring.datasource.url=jdbc:postgresql://db/motcua")
                .run(context -> assertThat(context).doesNotHaveBean("demo"));
    }

    @Test
    void explicitSettingWinsBothWays() {
        contexts.withPropertyValues(
                        "spring.datasource.url=jdbc:postgresql://db/motcua", "motcua.security.demo-accounts=true")
                .run(context -> assertThat(context).hasBean("demo"));
        contexts.withPropertyValues("motcua.security.demo-accounts=false")
                .run(context -> assertThat(context).doesNotHaveBean("demo"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        @Conditional(DemoAccountsCondition.class)
        String demo() {
            return "demo";
        }
    }
}
