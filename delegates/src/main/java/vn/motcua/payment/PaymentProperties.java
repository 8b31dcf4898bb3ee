package vn.motcua.payment;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Payment requests ({@code motcua.payments.*}, docs/fees.md).
 *
 * @param expiry         how long a payment request stays payable; after it the dossier stops (status 8)
 * @param reminderBefore the citizen is reminded this long before the expiry (not at all if longer than the expiry)
 */
@ConfigurationProperties("motcua.payments")
@Validated
public record PaymentProperties(
        @NotNull @DefaultValue("5d") Duration expiry,
        @NotNull @DefaultValue("1d") Duration reminderBefore) {

    public PaymentProperties {
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("motcua.payments.expiry must be positive, not " + expiry);
        }
        if (reminderBefore.isNegative()) {
            throw new IllegalArgumentException("motcua.payments.reminder-before must not be negative");
        }
    }
}
