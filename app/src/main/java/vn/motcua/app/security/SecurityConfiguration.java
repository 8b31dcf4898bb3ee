package vn.motcua.app.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.LinkedHashMap;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import vn.motcua.agency.StaffRole;

/**
 * Who may reach what. Three filter chains, tried in order:
 * <ol>
 *   <li>Camunda's webapps ({@code /camunda/**}): Spring Security stands aside. Cockpit, Tasklist and
 *       Admin sign users in against the Camunda identity service themselves and run their own CSRF
 *       protection (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}) and security headers; a
 *       second CSRF check or header set on those paths would break them.</li>
 *   <li>Camunda's REST API ({@code /engine-rest/**}): Spring Security stands aside too; Camunda's
 *       {@code ProcessEngineAuthenticationFilter} demands HTTP Basic against the identity service
 *       ({@link EngineRestAuthenticationConfiguration}). Stateless, so no CSRF.</li>
 *   <li>Everything else, the application itself: public catalogue, API docs, health, the citizen's pages
 *       (tracking, signature verification) and static assets open; the rest needs a signed-in user, by
 *       HTTP Basic (API clients) or the form at {@code /login} (browsers), checked by
 *       {@link CamundaIdentityAuthenticationProvider}. Requests
 *       with a session, and the sign-in form, need a CSRF token ({@link CsrfSupport}); requests
 *       carrying Basic credentials and requests to the public API (which acts for no one) do not.
 *       Refusals of API requests are problem-details JSON ({@link ProblemDetailsSecurityHandler}).</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login";

    private static final String DESK = StaffRole.DESK_CLERK.groupId();
    private static final String SPECIALIST = StaffRole.SPECIALIST.groupId();
    private static final String LEADER = StaffRole.LEADER.groupId();
    private static final String ADMIN = StaffRole.ADMINISTRATOR.groupId();
    static final String PUBLIC_API = "/api/public/**";

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebappsChain(HttpSecurity http, CamundaBpmProperties camunda) throws Exception {
        String webappPath = camunda.getWebapp().getApplicationPath();
        return standAside(http.securityMatcher(withDefaults().matcher(webappPath + "/**")))
                .headers(AbstractHttpConfigurer::disable) // the webapps send their own (HttpHeaderSecurityFilter)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRestChain(HttpSecurity http, JerseyApplicationPath restPath) throws Exception {
        return standAside(http.securityMatcher(withDefaults().matcher(restPath.getPrefix() + "/**")))
                .build();
    }

    private static HttpSecurity standAside(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }

    @Bean
    @Order(3)
    SecurityFilterChain applicationChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        ProblemDetailsSecurityHandler problems = new ProblemDetailsSecurityHandler(objectMapper);
        RequestMatcher browserPage = browserPageRequest();
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(browserPage); // no session for refused API calls

        http.authorizeHttpRequests(authorize -> authorize
                        // An error page keeps the status of the original error instead of turning into 401.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(
                                PUBLIC_API,
                                LOGIN_PAGE,
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/favicon.ico",
                                "/webjars/**",
                                "/tra-cuu/**",
                                "/kiem-tra-chu-ky/**")
                        .permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations())
                        .permitAll()
                        .requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .requestMatchers(EndpointRequest.to("prometheus"))
                        .hasRole(ADMIN)
                        // Desk intake is the desk's job; stopping a dossier is the desk's or a leader's.
                        .requestMatchers(HttpMethod.POST, "/api/dossiers")
                        .hasRole(DESK)
                        .requestMatchers(HttpMethod.POST, "/api/dossiers/*/stop")
                        .hasAnyRole(DESK, LEADER)
                        .requestMatchers(HttpMethod.POST, "/api/dossiers/*/result")
                        .hasAnyRole(DESK, SPECIALIST, LEADER)
                        // The slips and the tracking register are the desk's and the agency staff's.
                        .requestMatchers(HttpMethod.GET, "/api/dossiers/*/slips", "/api/dossiers/*/slips/*")
                        .hasAnyRole(DESK, SPECIALIST, LEADER)
                        .requestMatchers(HttpMethod.GET, "/api/dossiers/*/control-slip", "/api/register")
                        .hasAnyRole(DESK, SPECIALIST, LEADER)
                        .requestMatchers("/api/stats/**")
                        .hasAnyRole(DESK, SPECIALIST, LEADER, ADMIN)
                        // The signed result, downloaded or printed by the staff of the dossier's agencies.
                        .requestMatchers(HttpMethod.GET, "/api/dossiers/*/result")
                        .hasAnyRole(DESK, SPECIALIST, LEADER)
                        // The dossier search is for staff; it filters by the clerk's own agencies (docs/search.md).
                        .requestMatchers(HttpMethod.GET, "/api/dossiers")
                        .hasAnyRole(DESK, SPECIALIST, LEADER, ADMIN)
                        .requestMatchers("/api/admin/**")
                        .hasRole(ADMIN)
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic ->
                        basic.realmName(ProblemDetailsSecurityHandler.REALM).authenticationEntryPoint(problems))
                .formLogin(form -> form.loginPage(LOGIN_PAGE)
                        .failureUrl(LOGIN_PAGE + "?error")
                        .defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .csrf(csrf -> csrf.csrfTokenRepository(CsrfSupport.tokenRepository())
                        .csrfTokenRequestHandler(new CsrfSupport.RequestHandler())
                        // Only a session carries authority a forged request could borrow, so without one
                        // an API call gets its 401, not a CSRF 403. The sign-in form always needs the token.
                        .requireCsrfProtectionMatcher(new AndRequestMatcher(
                                CsrfFilter.DEFAULT_CSRF_MATCHER,
                                new OrRequestMatcher(
                                        SecurityConfiguration::hasSession,
                                        withDefaults().matcher(HttpMethod.POST, LOGIN_PAGE))))
                        // Credentials sent with each request cannot be forged by another site's page;
                        // public endpoints act for no one (citizens post dossiers there without a session).
                        .ignoringRequestMatchers(SecurityConfiguration::carriesBasicCredentials)
                        .ignoringRequestMatchers(withDefaults().matcher(PUBLIC_API)))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint(browserPage, problems))
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** Browsers asking for a page are sent to the sign-in form; everything else gets a 401 problem. */
    private static AuthenticationEntryPoint entryPoint(RequestMatcher browserPage, AuthenticationEntryPoint problems) {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
        entryPoints.put(browserPage, new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE));
        DelegatingAuthenticationEntryPoint delegating = new DelegatingAuthenticationEntryPoint(entryPoints);
        delegating.setDefaultEntryPoint(problems);
        return delegating;
    }

    /** A page request from a browser: not the API, not a script's call, and HTML explicitly accepted. */
    static RequestMatcher browserPageRequest() {
        MediaTypeRequestMatcher acceptsHtml =
                new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(), MediaType.TEXT_HTML);
        acceptsHtml.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return new AndRequestMatcher(
                new NegatedRequestMatcher(withDefaults().matcher("/api/**")),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With")),
                acceptsHtml);
    }

    static boolean hasSession(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestedSessionId() != null;
    }

    static boolean carriesBasicCredentials(jakarta.servlet.http.HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
