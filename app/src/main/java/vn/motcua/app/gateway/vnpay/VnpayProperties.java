package vn.motcua.app.gateway.vnpay;

import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code motcua.payments.vnpay.*}: the merchant's VNPAY terminal. Without {@code tmn-code} there is no VNPAY (with
 * the embedded defaults the local simulator stands in; otherwise citizens pay at the desk). With it,
 * {@code hash-secret} and {@code payment-url} are required.
 *
 * @param tmnCode the terminal code VNPAY gave the merchant ({@code vnp_TmnCode})
 * @param hashSecret the merchant's secret for HMAC-SHA512; give it in the environment
 *     ({@code MOTCUA_PAYMENTS_VNPAY_HASHSECRET}), never in a committed file
 * @param paymentUrl VNPAY's payment page, e.g. the sandbox's {@code …/paymentv2/vpcpay.html}
 * @param returnUrl where VNPAY sends the citizen's browser back; by default the application's
 *     {@code /thanh-toan/vnpay/ket-qua} at the address the citizen used
 * @param ipnAllowedAddresses the only IP addresses an IPN is accepted from (VNPAY publishes its servers'); empty:
 *     any, the signature alone decides
 * @param paymentWindow how long the gateway keeps a started payment open ({@code vnp_ExpireDate}), never past the
 *     payment request's own expiry
 * @param locale {@code vn} or {@code en}: the language of VNPAY's pages
 * @param orderType VNPAY's order category ({@code vnp_OrderType})
 */
@ConfigurationProperties("motcua.payments.vnpay")
@Validated
public record VnpayProperties(
        @Pattern(regexp = "[A-Za-z0-9]{1,20}") String tmnCode,
        String hashSecret,
        URI paymentUrl,
        URI returnUrl,
        @DefaultValue({}) List<String> ipnAllowedAddresses,
        @DefaultValue("15m") Duration paymentWindow,
        @DefaultValue("vn") @Pattern(regexp = "vn|en") String locale,

        @DefaultValue("other") @Pattern(regexp = "[a-z0-9_]{1,20}")
        String orderType) {

    public VnpayProperties {
        ipnAllowedAddresses = ipnAllowedAddresses == null ? List.of() : List.copyOf(ipnAllowedAddresses);
    }

    /** Fails when the terminal is named but incomplete, naming the missing setting. */
    VnpayProperties requireComplete() {
        if (hashSecret == null || hashSecret.isBlank()) {
            throw new IllegalStateException(
                    "motcua.payments.vnpay.tmn-code is set but motcua.payments.vnpay.hash-secret"
                            + " is not; give it in the environment (MOTCUA_PAYMENTS_VNPAY_HASHSECRET)");
        }
        if (paymentUrl == null) {
            throw new IllegalStateException(
                    "motcua.payments.vnpay.tmn-code is set but motcua.payments.vnpay.payment-url is not");
        }
        if (paymentWindow.isNegative() || paymentWindow.isZero()) {
            throw new IllegalStateException("motcua.payments.vnpay.payment-window must be positive");
        }
        return this;
    }

    /** The secret stays out of logs and error messages. */
    @Override
    public String toString() {
        return "VnpayProperties[tmnCode=" + tmnCode + ", hashSecret=" + (hashSecret == null ? "none" : "(hidden)")
                + ", paymentUrl=" + paymentUrl + ", returnUrl=" + returnUrl + ", ipnAllowedAddresses="
                + ipnAllowedAddresses + ", paymentWindow=" + paymentWindow + ", locale=" + locale + ", orderType="
                + orderType + "]";
    }
}
