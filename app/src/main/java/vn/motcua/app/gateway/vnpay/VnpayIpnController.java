package vn.motcua.app.gateway.vnpay;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.app.gateway.GatewayRequests;
import vn.motcua.app.gateway.NotificationResult;

/**
 * VNPAY's server-to-server IPN. Public (VNPAY signs in nowhere) and free of CSRF (no browser, no session), but
 * verified: {@link VnpayGateway#notification}. Always answers 200 with VNPAY's JSON; the verdict is in
 * {@code RspCode}.
 */
@RestController
@Tag(name = "Online payment", description = "Thanh toán trực tuyến qua cổng thanh toán")
class VnpayIpnController {

    static final String PATH = "/api/public/payments/vnpay/ipn";

    private final ObjectProvider<VnpayGateway> gateway;

    VnpayIpnController(ObjectProvider<VnpayGateway> gateway) {
        this.gateway = gateway;
    }

    @GetMapping(PATH)
    @Operation(
            summary = "VNPAY's payment notification (IPN)",
            description = "Called by VNPAY (or the embedded simulator), server to server, with the signed vnp_* "
                    + "parameters. Answers {\"RspCode\", \"Message\"}: 00 confirmed (or a failed attempt recorded), "
                    + "01 order not found, 02 already confirmed or no longer payable, 04 invalid amount, 97 invalid "
                    + "signature, 99 other (wrong merchant, source not allowed, error).")
    IpnAnswer ipn(HttpServletRequest request) {
        VnpayGateway vnpay = gateway.getIfAvailable();
        if (vnpay == null) {
            return new IpnAnswer("99", "VNPAY is not configured");
        }
        NotificationResult result = vnpay.notification(GatewayRequests.firstValues(request), request.getRemoteAddr());
        return new IpnAnswer(result.answerCode(), result.message());
    }

    /** VNPAY's answer format, field names as its specification spells them. */
    @JsonPropertyOrder({"RspCode", "Message"})
    record IpnAnswer(
            @JsonProperty("RspCode") String rspCode,
            @JsonProperty("Message") String message) {}
}
