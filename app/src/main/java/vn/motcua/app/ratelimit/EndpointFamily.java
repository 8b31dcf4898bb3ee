package vn.motcua.app.ratelimit;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.motcua.app.ratelimit.RateLimitProperties.Limit;

/** The families of endpoints limited separately, each with the requests it covers and its limit. */
enum EndpointFamily {
    SUBMISSIONS(
            RateLimitProperties::submissions,
            withDefaults().matcher(HttpMethod.POST, "/api/public/dossiers"),
            withDefaults().matcher(HttpMethod.POST, "/api/public/dossiers/*/supplements"),
            withDefaults().matcher(HttpMethod.POST, "/api/public/dossiers/*/withdrawal")),
    LOOKUPS(RateLimitProperties::lookups, withDefaults().matcher(HttpMethod.GET, "/api/public/dossiers/**")),
    SIGN_IN(
            RateLimitProperties::signIn,
            withDefaults().matcher(HttpMethod.POST, "/login"),
            withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/**")),
    FEE_QUOTES(
            RateLimitProperties::feeQuotes,
            withDefaults().matcher(HttpMethod.POST, "/api/public/procedures/*/fee-quote")),
    SIGNATURE_CHECKS(
            RateLimitProperties::signatureChecks,
            withDefaults().matcher(HttpMethod.POST, "/api/public/signatures/verify")),
    OTHER_PUBLIC_WRITES(RateLimitProperties::otherPublicWrites, EndpointFamily::publicWrite);

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Function<RateLimitProperties, Limit> limit;
    private final RequestMatcher requests;

    EndpointFamily(Function<RateLimitProperties, Limit> limit, RequestMatcher... requests) {
        this.limit = limit;
        this.requests = new OrRequestMatcher(List.of(requests));
    }

    Limit limit(RateLimitProperties properties) {
        return limit.apply(properties);
    }

    /** The first family the request belongs to, in declaration order (the catch-all last). */
    static Optional<EndpointFamily> of(HttpServletRequest request) {
        for (EndpointFamily family : values()) {
            if (family.requests.matches(request)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    private static boolean publicWrite(HttpServletRequest request) {
        return WRITES.contains(request.getMethod())
                && withDefaults().matcher("/api/public/**").matches(request);
    }

    String id() {
        return name().toLowerCase().replace('_', '-');
    }
}
