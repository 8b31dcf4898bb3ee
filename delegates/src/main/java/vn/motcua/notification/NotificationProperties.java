package vn.motcua.notification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How citizens are told ({@code motcua.notifications.*}).
 *
 * @param smsWithoutDiacritics SMS text without Vietnamese diacritics (brandname SMS rules: 160 characters a
 *                             segment without them, 70 with them)
 * @param mailFrom             the sender of e-mail to citizens
 */
@ConfigurationProperties("motcua.notifications")
@Validated
public record NotificationProperties(
        @DefaultValue("true") boolean smsWithoutDiacritics,
        @NotBlank @DefaultValue("mot-cua@localhost") String mailFrom) {}
