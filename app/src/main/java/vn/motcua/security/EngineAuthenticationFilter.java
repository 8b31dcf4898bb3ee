package vn.motcua.security;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells the process engine who is acting while the application's own endpoints serve a signed-in
 * user, as Camunda's REST API and webapps do for theirs: {@code CurrentActor} then names the user in
 * the dossier's event log, and the engine records them as initiator, assignee or operator.
 *
 * <p>With it come the engine's rules for authenticated users: its authorization checks (the user's
 * groups need the permissions, see {@link AccessModel}) and {@code queryMaxResultsLimit} (unpaged
 * {@code list()} queries fail; use {@code listPage}). Public endpoints are left out: they serve
 * everyone alike, signed in or not. Anonymous requests leave the engine unauthenticated.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final RequestMatcher excluded;

    EngineAuthenticationFilter(IdentityService identityService, RequestMatcher excluded) {
        this.identityService = identityService;
        this.excluded = excluded;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return excluded.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CamundaUser user)) {
            chain.doFilter(request, response);
            return;
        }
        identityService.setAuthentication(user.id(), user.groupIds());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
