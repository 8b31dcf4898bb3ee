package vn.motcua.app.gateway;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.LookupKeys;
import vn.motcua.dossier.UnknownDossierException;

/**
 * The citizen starts paying a dossier's fee online: answers the gateway's address to send the browser to. Needs the
 * dossier's code and lookup key like every citizen endpoint; the payment reference alone opens nothing.
 */
@RestController
@Tag(name = "Online payment", description = "Thanh toán trực tuyến qua cổng thanh toán")
class OnlinePaymentController {

    static final String PATH = "/api/public/dossiers/{code}/payments/{reference}/online";
    private static final String LOOKUP_KEY_HEADER = "X-Lookup-Key";

    private final DossierRepository dossiers;
    private final PaymentLedger ledger;
    private final ObjectProvider<PaymentGateway> gateways;
    private final Clock clock;

    OnlinePaymentController(
            DossierRepository dossiers, PaymentLedger ledger, ObjectProvider<PaymentGateway> gateways, Clock clock) {
        this.dossiers = dossiers;
        this.ledger = ledger;
        this.gateways = gateways;
        this.clock = clock;
    }

    @PostMapping(PATH)
    @Operation(
            summary = "Start paying a dossier's fee online",
            description = "With the lookup key in X-Lookup-Key. Answers the gateway and the address to send the "
                    + "citizen's browser to (redirectUrl). 404 for an unknown code, wrong key or a reference not "
                    + "of this dossier (alike), and when no gateway is configured (type online-payment-unavailable: "
                    + "pay at the desk); 409 when the request is paid, expired or closed.")
    OnlinePaymentStarted start(
            @PathVariable String code,
            @PathVariable String reference,
            @RequestHeader(name = LOOKUP_KEY_HEADER, required = false) String lookupKey,
            HttpServletRequest http) {
        String stored = dossiers.lookupKeySha256(code).orElseThrow(() -> new UnknownDossierException(code));
        if (lookupKey == null || !LookupKeys.matches(lookupKey, stored)) {
            throw new UnknownDossierException(code);
        }
        PayableRequest request = ledger.find(reference)
                .filter(r -> r.dossierCode().equals(code))
                .orElseThrow(() -> new UnknownDossierException(code));
        List<PaymentGateway> available = gateways.orderedStream().toList();
        if (available.isEmpty()) {
            throw new OnlinePaymentUnavailableException();
        }
        Instant now = clock.instant();
        if (!request.payableAt(now)) {
            throw new PaymentNotPayableException(request, now);
        }
        PaymentGateway gateway = available.get(0);
        URI redirect = gateway.start(
                new PaymentStart(request, http.getRemoteAddr(), GatewayRequests.applicationUrl(http), now));
        return new OnlinePaymentStarted(gateway.name(), redirect, request.amount());
    }

    /**
     * @param gateway the gateway's name
     * @param redirectUrl where to send the citizen's browser
     * @param amount the amount to pay, whole đồng
     */
    record OnlinePaymentStarted(String gateway, URI redirectUrl, long amount) {}
}
