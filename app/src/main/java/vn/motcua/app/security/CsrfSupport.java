package vn.motcua.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * CSRF for the application's own pages. The token travels in a cookie that pages' scripts can read
 * and send back in the {@value #HEADER_NAME} header; server-rendered forms send the hidden field
 * {@value #PARAMETER_NAME} instead.
 *
 * <p>The cookie is deliberately not called {@code XSRF-TOKEN}: Camunda's webapps under
 * {@code /camunda} use a cookie of that name (path {@code /camunda}) for their own token, and a
 * second cookie of the same name at path {@code /} would reach their pages too and could be read in
 * place of theirs.
 */
final class CsrfSupport {

    static final String COOKIE_NAME = "MOTCUA-XSRF-TOKEN";
    static final String HEADER_NAME = "X-XSRF-TOKEN";
    static final String PARAMETER_NAME = "_csrf";

    private CsrfSupport() {}

    static CookieCsrfTokenRepository tokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieName(COOKIE_NAME);
        repository.setHeaderName(HEADER_NAME);
        repository.setParameterName(PARAMETER_NAME);
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    /**
     * Tokens rendered into pages are masked per response (BREACH protection); a token sent back in the
     * header is the raw cookie value, as a script read it. The arrangement Spring Security's reference
     * documentation gives for single-page applications.
     */
    static final class RequestHandler implements CsrfTokenRequestHandler {

        private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
        private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
            xor.handle(request, response, csrfToken);
            csrfToken.get(); // render the cookie on every response that passes through
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            String header = request.getHeader(csrfToken.getHeaderName());
            return StringUtils.hasText(header)
                    ? plain.resolveCsrfTokenValue(request, csrfToken)
                    : xor.resolveCsrfTokenValue(request, csrfToken);
        }
    }
}
