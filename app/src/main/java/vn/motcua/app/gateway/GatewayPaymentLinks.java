package vn.motcua.app.gateway;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentLinks;

/**
 * The tracking page's "pay online" link ({@code payment.payUrl}): the page {@code /thanh-toan/} with the dossier's
 * code and the payment reference, which asks for (or takes from the fragment) the lookup key and starts the payment.
 * No link while no gateway is configured, nor for a request that can no longer be paid.
 */
@Component
class GatewayPaymentLinks implements PaymentLinks {

    private final ObjectProvider<PaymentGateway> gateways;

    GatewayPaymentLinks(ObjectProvider<PaymentGateway> gateways) {
        this.gateways = gateways;
    }

    @Override
    public Optional<String> payUrl(Payment payment) {
        if (gateways.getIfAvailable() == null || PaymentsLedger.view(payment).state() != PayableRequest.State.OPEN) {
            return Optional.empty();
        }
        return Optional.of(UriComponentsBuilder.fromPath("/thanh-toan/")
                .queryParam("ma", payment.dossierCode())
                .queryParam("tham-chieu", payment.reference())
                .encode()
                .build()
                .toUriString());
    }
}
