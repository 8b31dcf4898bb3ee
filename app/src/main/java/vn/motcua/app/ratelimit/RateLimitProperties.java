package vn.motcua.app.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests of each endpoint family one client may make ({@code motcua.rate-limits.*}). A client is the
 * request's remote address (behind a reverse proxy set {@code server.forward-headers-strategy=native} so it is
 * the citizen's, not the proxy's). Each limit is a bucket of {@code capacity} requests refilled evenly over
 * {@code period}.
 *
 * @param enabled          off only for load tests
 * @param submissions      {@code POST /api/public/dossiers}, supplements and withdrawals
 * @param lookups          {@code GET /api/public/dossiers/**} (status, documents)
 * @param signIn           failed sign-ins (HTTP Basic answered 401, anywhere) and every sign-in form post
 *                         ({@code /login}, the Camunda webapps' login)
 * @param feeQuotes        {@code POST /api/public/procedures/{key}/fee-quote}
 * @param signatureChecks  {@code POST /api/public/signatures/verify}
 * @param otherPublicWrites any other POST, PUT, PATCH or DELETE under {@code /api/public/**}
 * @param maxClients       clients remembered at once (least recently seen are forgotten first)
 */
@ConfigurationProperties(RateLimitProperties.PREFIX)
@Validated
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Valid Limit submissions,
        @Valid Limit lookups,
        @Valid Limit signIn,
        @Valid Limit feeQuotes,
        @Valid Limit signatureChecks,
        @Valid Limit otherPublicWrites,
        @Min(100) @DefaultValue("100000") int maxClients) {

    static final String PREFIX = "motcua.rate-limits";

    /** Each family's default, for what is not set (a capacity alone keeps the default period, and so on). */
    public RateLimitProperties {
        submissions = Limit.orDefault(submissions, 20, Duration.ofHours(1));
        lookups = Limit.orDefault(lookups, 120, Duration.ofMinutes(1));
        signIn = Limit.orDefault(signIn, 10, Duration.ofMinutes(5));
        feeQuotes = Limit.orDefault(feeQuotes, 60, Duration.ofMinutes(1));
        signatureChecks = Limit.orDefault(signatureChecks, 10, Duration.ofMinutes(1));
        otherPublicWrites = Limit.orDefault(otherPublicWrites, 120, Duration.ofMinutes(1));
    }

    /** {@code capacity} requests per {@code period}. */
    public record Limit(@Min(1) Integer capacity, Duration period) {

        static Limit orDefault(Limit given, int capacity, Duration period) {
            if (given == null) {
                return new Limit(capacity, period);
            }
            return new Limit(
                    given.capacity() == null ? capacity : given.capacity(),
                    given.period() == null ? period : given.period());
        }
    }
}
