package vn.motcua.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import vn.motcua.app.ratelimit.RateLimitProperties.Limit;

class RateLimitFilterTest {

    private static final Limit THREE_PER_HOUR = new Limit(3, Duration.ofHours(1));

    private final RateLimitFilter filter = new RateLimitFilter(
            new RateLimits(new RateLimitProperties(
                    true,
                    THREE_PER_HOUR,
                    THREE_PER_HOUR,
                    THREE_PER_HOUR,
                    THREE_PER_HOUR,
                    THREE_PER_HOUR,
                    THREE_PER_HOUR,
                    1000)),
            new ObjectMapper());

    @Test
    void theFourthSubmissionOfAClientIsAnswered429WithRetryAfterAndProblemDetails() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/public/dossiers", "10.0.0.1", null, 201)
                            .getStatus())
                    .isEqualTo(201);
        }
        MockHttpServletResponse refused = send("POST", "/api/public/dossiers", "10.0.0.1", null, 201);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.getContentAsString()).contains("too-many-requests", "\"family\":\"submissions\"");
    }

    @Test
    void eachClientAndEachFamilyHasItsOwnBucket() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("POST", "/api/public/dossiers", "10.0.0.2", null, 201);
        }

        assertThat(send("POST", "/api/public/dossiers", "10.0.0.3", null, 201).getStatus())
                .isEqualTo(201);
        assertThat(send("GET", "/api/public/dossiers/X-1", "10.0.0.2", null, 200)
                        .getStatus())
                .isEqualTo(200);
        assertThat(send("POST", "/api/public/procedures/p/fee-quote", "10.0.0.2", null, 200)
                        .getStatus())
                .isEqualTo(200);
        assertThat(send("POST", "/api/public/payments/ipn", "10.0.0.2", null, 200)
                        .getStatus())
                .as("a public endpoint added later falls into the catch-all family")
                .isEqualTo(200);
        assertThat(send("GET", "/api/public/procedures", "10.0.0.2", null, 200).getStatus())
                .as("the catalogue is not limited")
                .isEqualTo(200);
    }

    @Test
    void onlyFailedBasicSignInsCountAndThenThatClientWaitsWhateverAccountItNames() throws Exception {
        String wrong = "Basic dGllcG5oYW4wMTpzYWk="; // tiepnhan01:sai
        for (int i = 0; i < 10; i++) {
            assertThat(send("GET", "/api/me", "10.0.0.4", "Basic cXVhbnRyaTAxOmRlbW8=", 200)
                            .getStatus())
                    .as("successful sign-ins do not count")
                    .isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/engine-rest/task", "10.0.0.4", wrong, 401).getStatus())
                    .isEqualTo(401);
        }

        MockHttpServletResponse waiting = send("GET", "/api/me", "10.0.0.4", "Basic cXVhbnRyaTAxOmRlbW8=", 200);
        assertThat(waiting.getStatus()).isEqualTo(429);
        assertThat(waiting.getContentAsString()).contains("\"family\":\"sign-in\"");
        assertThat(send("GET", "/api/me", "10.0.0.5", "Basic cXVhbnRyaTAxOmRlbW8=", 200)
                        .getStatus())
                .as("the account itself is not locked: another client signs in")
                .isEqualTo(200);
    }

    @Test
    void signInFormPostsCountEveryAttempt() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("POST", "/login", "10.0.0.6", null, 302);
        }

        assertThat(send("POST", "/login", "10.0.0.6", null, 302).getStatus()).isEqualTo(429);
    }

    /** One request through the filter; the rest of the chain answers {@code status}. */
    private MockHttpServletResponse send(String method, String path, String client, String authorization, int status)
            throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(client);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                ((MockHttpServletResponse) res).setStatus(status);
            }
        });
        return response;
    }
}
