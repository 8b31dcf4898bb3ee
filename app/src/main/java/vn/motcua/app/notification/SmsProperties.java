package vn.motcua.app.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS provider's HTTP endpoint (see docs/operations.md for the protocol). Without an endpoint,
 * SMS messages wait in the outbox until one is configured.
 */
@ConfigurationProperties("motcua.sms")
record SmsProperties(
        URI endpoint,
        String apiKey,
        String sender,
        @DefaultValue("PT10S") Duration timeout) {}
