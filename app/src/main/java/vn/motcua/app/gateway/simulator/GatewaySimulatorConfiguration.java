package vn.motcua.app.gateway.simulator;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.app.embedded.DataDirectoryProperties;
import vn.motcua.app.gateway.GatewayCallbacks;
import vn.motcua.app.gateway.PaymentLedger;
import vn.motcua.app.gateway.vnpay.VnpayGateway;
import vn.motcua.app.gateway.vnpay.VnpayProperties;

/** With the embedded defaults and no VNPAY terminal: the VNPAY adapter talks to the local simulator. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnGatewaySimulator
class GatewaySimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewaySimulatorConfiguration.class);

    @Bean
    SimulatedMerchant simulatedMerchant(DataDirectoryProperties dataDirectory) {
        return SimulatedMerchant.openOrCreate(dataDirectory.resolve("payment-simulator"));
    }

    @Bean
    VnpayGateway vnpayGateway(
            SimulatedMerchant merchant,
            VnpayProperties settings,
            PaymentLedger ledger,
            GatewayCallbacks callbacks,
            Clock clock) {
        VnpayProperties simulated = new VnpayProperties(
                SimulatedMerchant.TMN_CODE,
                merchant.hashSecret(),
                // relative: the simulator answers at the address the citizen uses
                URI.create(GatewaySimulator.PAGE.substring(1)),
                settings.returnUrl(),
                List.of(),
                settings.paymentWindow(),
                settings.locale(),
                settings.orderType());
        log.warn(
                "Online payments go to a local VNPAY SIMULATOR at {} (no real money; secret in {}); set "
                        + "motcua.payments.vnpay.* for the real gateway",
                GatewaySimulator.PAGE,
                merchant.directory());
        return new VnpayGateway(simulated, ledger, callbacks, clock);
    }
}
