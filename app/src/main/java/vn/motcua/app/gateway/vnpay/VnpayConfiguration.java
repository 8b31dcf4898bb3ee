package vn.motcua.app.gateway.vnpay;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.app.gateway.GatewayCallbacks;
import vn.motcua.app.gateway.PaymentLedger;

/** VNPAY, when its terminal is configured ({@code motcua.payments.vnpay.tmn-code}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VnpayProperties.class)
class VnpayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VnpayConfiguration.class);

    @Bean
    // Only when the setting has a value (@ConditionalOnProperty would also match an empty one).
    @ConditionalOnExpression("!'${motcua.payments.vnpay.tmn-code:}'.isEmpty()")
    VnpayGateway vnpayGateway(
            VnpayProperties properties, PaymentLedger ledger, GatewayCallbacks callbacks, Clock clock) {
        VnpayGateway gateway = new VnpayGateway(properties, ledger, callbacks, clock);
        log.info(
                "Online payment through VNPAY, terminal {}, payment page {}",
                properties.tmnCode(),
                properties.paymentUrl());
        return gateway;
    }
}
