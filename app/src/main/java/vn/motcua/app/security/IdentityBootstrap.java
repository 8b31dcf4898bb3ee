package vn.motcua.app.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At start-up, once the engine and the schema are ready: the staff groups and their authorizations,
 * the demo accounts where they belong, and the first administrator if one was configured.
 */
@Configuration(proxyBeanMethods = false)
class IdentityBootstrap {

    @Bean
    @Conditional(DemoAccountsCondition.class)
    DemoAccounts demoAccounts(IdentityService identityService, JdbcTemplate jdbc) {
        return new DemoAccounts(identityService, jdbc);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    ApplicationRunner identityBootstrapRunner(
            AccessModel accessModel,
            ObjectProvider<DemoAccounts> demoAccounts,
            InitialAdministrator initialAdministrator) {
        return (ApplicationArguments args) -> {
            accessModel.ensure();
            demoAccounts.ifAvailable(DemoAccounts::ensure);
            initialAdministrator.ensure();
        };
    }
}
