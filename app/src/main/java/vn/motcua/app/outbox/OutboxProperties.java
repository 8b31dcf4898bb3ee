package vn.motcua.app.outbox;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox worker's settings ({@code motcua.outbox.*}).
 *
 * @param pollInterval how often each node looks for due messages (one indexed query per topic); short, so a change is
 *                     searchable about a second after its commit (docs/search.md)
 * @param firstRetry   the wait after a message's first failure; each further failure doubles it
 * @param maxRetry     the longest wait between attempts, unless a handler sets its own
 */
@ConfigurationProperties("motcua.outbox")
@Validated
public record OutboxProperties(
        @NotNull @DefaultValue("PT0.25S") Duration pollInterval,
        @NotNull @DefaultValue("PT5S") Duration firstRetry,
        @NotNull @DefaultValue("PT1H") Duration maxRetry) {

    @AssertTrue(message = "poll-interval, first-retry and max-retry must be longer than zero")
    public boolean isPositive() {
        return pollInterval == null
                || firstRetry == null
                || maxRetry == null
                || (pollInterval.compareTo(Duration.ZERO) > 0
                        && firstRetry.compareTo(Duration.ZERO) > 0
                        && maxRetry.compareTo(Duration.ZERO) > 0);
    }

    @AssertTrue(message = "first-retry must not be longer than max-retry")
    public boolean isFirstRetryWithinMaxRetry() {
        return firstRetry == null || maxRetry == null || firstRetry.compareTo(maxRetry) <= 0;
    }
}
