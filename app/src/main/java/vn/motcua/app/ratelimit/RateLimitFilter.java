package vn.motcua.app.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts each request of a limited family against its client's bucket and answers 429 problem details with
 * {@code Retry-After} when the bucket is empty. Runs before everything else, on every path ({@code /engine-rest}
 * and {@code /camunda} included). Sign-in by HTTP Basic is counted only when it fails (a 401): an API client
 * sends its credentials with every request, and only guessing should use up the bucket; once the bucket is empty,
 * that client's Basic requests wait, whatever account they name, while the account stays usable from elsewhere.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final String TYPES = "https://motcua.vn/problems/";

    private final RateLimits limits;
    private final ObjectMapper json;

    RateLimitFilter(RateLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limits.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Optional<EndpointFamily> family = EndpointFamily.of(request);
        if (family.isPresent()) {
            ConsumptionProbe probe = limits.bucket(family.get(), client).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                tooMany(request, response, family.get(), probe.getNanosToWaitForRefill());
                return;
            }
        }
        boolean basic = carriesBasicCredentials(request);
        Bucket signIn = basic ? limits.bucket(EndpointFamily.SIGN_IN, client) : null;
        if (signIn != null) {
            EstimationProbe estimate = signIn.estimateAbilityToConsume(1);
            if (!estimate.canBeConsumed()) {
                tooMany(request, response, EndpointFamily.SIGN_IN, estimate.getNanosToWaitForRefill());
                return;
            }
        }
        chain.doFilter(request, response);
        if (signIn != null && response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            signIn.tryConsume(1);
        }
    }

    private void tooMany(
            HttpServletRequest request, HttpServletResponse response, EndpointFamily family, long nanosToWait)
            throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait) + 1);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPES + "too-many-requests");
        problem.put("title", "Quá nhiều yêu cầu, vui lòng thử lại sau");
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put(
                "detail",
                "Too many requests of this kind (" + family.id() + ") from this client; try again in " + seconds
                        + " s.");
        problem.put("instance", request.getRequestURI());
        problem.put("family", family.id());
        problem.put("retryAfterSeconds", seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    static boolean carriesBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
