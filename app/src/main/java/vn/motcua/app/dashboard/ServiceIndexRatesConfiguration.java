package vn.motcua.app.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.stats.ServiceIndices;

/** The 766 indices the dashboard draws besides its own (see {@link ServiceIndexRates}). */
@Configuration(proxyBeanMethods = false)
class ServiceIndexRatesConfiguration {

    @Bean
    DashboardRates onlinePaymentRates(ServiceIndices indices) {
        return ServiceIndexRates.onlinePayment(indices);
    }

    @Bean
    DashboardRates electronicResultRates(ServiceIndices indices) {
        return ServiceIndexRates.electronicResults(indices);
    }
}
