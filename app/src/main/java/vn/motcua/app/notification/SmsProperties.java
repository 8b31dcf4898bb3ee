package vn.motcua.app.notification;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SMS provider's HTTP endpoint (see docs/operations.md for the protocol). Without an endpoint,
 * SMS messages wait in the outbox until one is configured.
 */
@ConfigurationProperties("motcua.sms")
@Validated
record SmsProperties(
        URI endpoint,
        String apiKey,
        String sender,
        @NotNull @DefaultValue("PT10S") Duration timeout) {

    @AssertTrue(message = "timeout must be longer than zero")
    public boolean isTimeoutPositive() {
        return timeout == null || timeout.compareTo(Duration.ZERO) > 0;
    }
}
