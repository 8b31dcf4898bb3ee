package vn.motcua.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that never reach a controller (no such path, a method the path does not take, a body the container
 * refused, an exception outside Spring MVC) are answered as problem details too, instead of Spring Boot's plain
 * JSON or the container's HTML page. Nothing of the cause is shown: 5xx details are in the log only.
 *
 * <p>A person's browser asking for a page ({@link PageRequests}: a page route, HTML accepted) gets the error page
 * in the site's layout instead ({@code templates/error.html}, Vietnamese or English), with the same status; the
 * errors of page controllers reach here too ({@link PageErrorResolver}), as do the security chain's refusals of a
 * page.
 *
 * <p>A database outage met on Camunda's REST API before Jersey runs (its authentication filter asks the database) is
 * answered in Camunda's error shape, as {@link EngineRestOutage} answers the outages met inside it.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final JerseyApplicationPath engineRest;

    ProblemErrorController(JerseyApplicationPath engineRest) {
        this.engineRest = engineRest;
    }

    @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = MediaType.ALL_VALUE)
    Object error(HttpServletRequest request) {
        boolean outage = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error
                && DatabaseOutage.causedBy(error);
        if (outage && isEngineRest(request)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(EngineRestOutage.body());
        }
        if (outage && !PageRequests.wantsPage(request)) {
            return databaseUnavailable(request);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = outage
                ? HttpStatus.SERVICE_UNAVAILABLE
                : code instanceof Integer c && HttpStatus.resolve(c) != null
                        ? HttpStatus.valueOf(c)
                        : HttpStatus.INTERNAL_SERVER_ERROR;
        if (PageRequests.wantsPage(request)) {
            return new ModelAndView("error", Map.of("status", status.value()), status);
        }
        ProblemDetail problem = ApiProblems.problem(status, type(status), title(status), detail(status));
        instance(problem, request);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The database is out of reach (restarting, stopped): 503 with {@code Retry-After}, so that clients wait and
     * try again instead of reporting a server error; the pool reconnects by itself when the database is back.
     */
    private static ResponseEntity<ProblemDetail> databaseUnavailable(HttpServletRequest request) {
        ProblemDetail problem = ApiProblems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "Hệ thống tạm thời gián đoạn, xin thử lại sau ít phút",
                "The database cannot be reached for now. Try again in "
                        + DatabaseOutage.RETRY_AFTER.toSeconds()
                        + " seconds; a submission that was answered 503 may still have been recorded, so look its"
                        + " result up before sending it again.");
        instance(problem, request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private boolean isEngineRest(HttpServletRequest request) {
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri.substring(Math.min(uri.length(), request.getContextPath().length()))
                : "";
        String prefix = engineRest.getPrefix();
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static void instance(ProblemDetail problem, HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && !path.isBlank()) {
            problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/._~%-]", "")));
        }
    }

    static String type(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case PAYLOAD_TOO_LARGE -> "request-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case BAD_REQUEST -> "bad-request";
            default -> status.is4xxClientError() ? "client-error" : "server-error";
        };
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Không tìm thấy";
            case METHOD_NOT_ALLOWED -> "Phương thức không được hỗ trợ";
            case PAYLOAD_TOO_LARGE -> "Yêu cầu quá lớn";
            case UNSUPPORTED_MEDIA_TYPE -> "Kiểu nội dung không được hỗ trợ";
            case BAD_REQUEST -> "Yêu cầu không hợp lệ";
            default -> status.is4xxClientError() ? "Yêu cầu không hợp lệ" : "Lỗi máy chủ";
        };
    }

    private static String detail(HttpStatus status) {
        return status.is5xxServerError()
                ? "The server could not answer this request; it has been logged."
                : status.getReasonPhrase() + ".";
    }
}
