package vn.motcua.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers refused API requests with an RFC 9457 (formerly 7807) problem-details body instead of an
 * HTML page: 401 for a missing or wrong sign-in, 403 for a signed-in user without the right, or for
 * a session request without a valid CSRF token.
 *
 * <p>A 401 carries {@code WWW-Authenticate: Basic} so API clients know how to sign in, except for
 * requests marked {@code X-Requested-With} (pages' own fetch calls), where it would make the browser
 * pop up its native sign-in dialog.
 */
class ProblemDetailsSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "motcua";

    private final ObjectMapper objectMapper;

    ProblemDetailsSecurityHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED,
                "Cần đăng nhập: thiếu hoặc sai tên đăng nhập, mật khẩu. (Authentication required.)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        String detail = accessDeniedException instanceof CsrfException
                ? "Thiếu hoặc sai mã CSRF: hãy tải lại trang rồi thử lại. (Missing or invalid CSRF token.)"
                : "Tài khoản không có quyền thực hiện thao tác này. (Access denied.)";
        write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
