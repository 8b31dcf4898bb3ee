package vn.motcua.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether a request is a person's browser asking for a page, whose errors are answered with an HTML page in the site's
 * layout (docs/pages.md) rather than problem details: not the API, the engine's REST API or the actuator; not a
 * script's call (no {@code X-Requested-With}); and {@code text/html} named in {@code Accept} (a bare {@code * / *}
 * does not count). During an error dispatch the path is the original request's.
 */
public final class PageRequests {

    private static final List<String> MACHINE_PATHS =
            List.of("/api/", "/engine-rest/", "/actuator/", "/v3/api-docs", "/camunda/");

    private PageRequests() {}

    public static boolean wantsPage(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String path =
                uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        if (path.equals("/api") || MACHINE_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        if (request.getHeader("X-Requested-With") != null) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0
                            && "text".equalsIgnoreCase(type.getType())
                            && "html".equalsIgnoreCase(type.getSubtype()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
