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
import org.springframework.core.io.ResourceLoader;
import vn.motcua.app.agency.AgencyDirectory;
import vn.motcua.app.agency.AgencyFile;
import vn.motcua.app.agency.AgencyProperties;
import vn.motcua.app.agency.StaffDirectory;

/**
 * At start-up, once the engine and the schema are ready: the role groups and their authorizations, the
 * province's agencies file if one is configured, the demo province and accounts where they belong, the first
 * administrator if one was configured, and every staff member's Camunda memberships brought in line with their
 * agencies and roles.
 */
@Configuration(proxyBeanMethods = false)
class IdentityBootstrap {

    @Bean
    @Conditional(DemoAccountsCondition.class)
    DemoAccounts demoAccounts(IdentityService identityService, AgencyDirectory agencies, StaffDirectory staff) {
        return new DemoAccounts(identityService, agencies, staff);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    ApplicationRunner identityBootstrapRunner(
            AccessModel accessModel,
            ObjectProvider<DemoAccounts> demoAccounts,
            InitialAdministrator initialAdministrator,
            AgencyDirectory agencies,
            StaffDirectory staff,
            AgencyProperties agencyProperties,
            ResourceLoader resources) {
        return (ApplicationArguments args) -> {
            accessModel.ensure();
            if (agencyProperties.location() != null
                    && !agencyProperties.location().isBlank()) {
                agencies.saveAll(AgencyFile.read(resources.getResource(agencyProperties.location())));
            }
            demoAccounts.ifAvailable(DemoAccounts::ensure);
            initialAdministrator.ensure();
            staff.syncAll();
        };
    }
}
