package vn.motcua.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import vn.motcua.app.web.PageRequests;

/**
 * Answers refused API requests with an RFC 9457 (formerly 7807) problem-details body instead of an
 * HTML page: 401 for a missing or wrong sign-in, 403 for a signed-in user without the right, or for
 * a session request without a valid CSRF token.
 *
 * <p>A 401 carries {@code WWW-Authenticate: Basic} so API clients know how to sign in, except for
 * requests marked {@code X-Requested-With} (pages' own fetch calls), where it would make the browser
 * pop up its native sign-in dialog.
 *
 * <p>A person's browser refused a page ({@link PageRequests}) gets the site's error page with the 403 instead.
 */
class ProblemDetailsSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "motcua";
    /** As the application's other problems ({@code vn.motcua.app.web.ApiProblems}). */
    private static final String TYPES = "https://motcua.vn/problems/";

    private final ObjectMapper objectMapper;

    ProblemDetailsSecurityHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Cần đăng nhập",
                "Thiếu hoặc sai tên đăng nhập, mật khẩu.");
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        if (PageRequests.wantsPage(request) && !response.isCommitted()) {
            response.sendError(HttpStatus.FORBIDDEN.value()); // the error page, in the site's layout (docs/pages.md)
            return;
        }
        if (accessDeniedException instanceof CsrfException) {
            write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "csrf",
                    "Thiếu hoặc sai mã chống giả mạo (CSRF)",
                    "Yêu cầu trong phiên đăng nhập phải kèm mã CSRF (cookie " + CsrfSupport.COOKIE_NAME + ", header "
                            + CsrfSupport.HEADER_NAME + "); hãy tải lại trang rồi thử lại.");
        } else {
            write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Không có quyền",
                    "Tài khoản không có quyền thực hiện thao tác này.");
        }
    }

    /** A path that is closed to everyone, whoever asks (e.g. deploying models through the engine's REST API). */
    void closed(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "endpoint-closed", "Chức năng này bị đóng", detail);
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String type,
            String title,
            String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPES + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
