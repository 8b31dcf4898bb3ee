package vn.motcua.app.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the engine's deployment endpoints to everyone, administrators included: models reach the engine only
 * through the checked procedure deployment (docs/security.md, "No code from a deployment"). Both doors are
 * closed: Camunda's REST API and the copy of it the webapps use ({@code /camunda/api/engine/engine/{name}/…}).
 * The engine refuses an unsafe model on any path anyway ({@code vn.motcua.procedure.ModelSafetyPlugin}).
 */
final class ClosedEngineEndpoints extends OncePerRequestFilter {

    private final RequestMatcher closed;
    private final ProblemDetailsSecurityHandler problems;

    private ClosedEngineEndpoints(List<String> engineApiRoots, ProblemDetailsSecurityHandler problems) {
        this.closed = new OrRequestMatcher(engineApiRoots.stream()
                .flatMap(root -> List.of(root + "/deployment/create/**", root + "/deployment/*/redeploy/**").stream())
                .map(pattern -> (RequestMatcher) withDefaults().matcher(pattern))
                .toList());
        this.problems = problems;
    }

    /** For Camunda's REST API under {@code restPrefix}, with or without an engine name in the path. */
    static ClosedEngineEndpoints engineRest(String restPrefix, ProblemDetailsSecurityHandler problems) {
        return new ClosedEngineEndpoints(List.of(restPrefix, restPrefix + "/engine/*"), problems);
    }

    /** For the engine API of the webapps under {@code webappPath}. */
    static ClosedEngineEndpoints webapps(String webappPath, ProblemDetailsSecurityHandler problems) {
        return new ClosedEngineEndpoints(List.of(webappPath + "/api/engine/engine/*"), problems);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (closed.matches(request)) {
            problems.closed(
                    request,
                    response,
                    "Quy trình chỉ được triển khai từ thư mục thủ tục đã kiểm tra, không qua API của engine"
                            + " (models are deployed only from the checked procedure folders).");
            return;
        }
        chain.doFilter(request, response);
    }
}
