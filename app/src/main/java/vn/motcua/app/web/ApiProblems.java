package vn.motcua.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.net.URI;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.motcua.calendar.CalendarDataMissingException;
import vn.motcua.dossier.DossierStateException;
import vn.motcua.dossier.InvalidSubmissionException;
import vn.motcua.dossier.RejectedDocumentException;
import vn.motcua.dossier.UnknownDossierException;

/**
 * Every API error as RFC 7807 problem details with the right 4xx status; Spring's own errors
 * (unreadable JSON, missing parts, upload too large) come from the base class in the same form.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final String TYPES = "https://motcua.vn/problems/";

    @ExceptionHandler
    ProblemDetail invalidSubmission(InvalidSubmissionException e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-dossier",
                "Hồ sơ chưa hợp lệ",
                "Hồ sơ có " + e.problems().size() + " chỗ chưa hợp lệ; xem danh sách errors.");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail rejectedDocument(RejectedDocumentException e) {
        ProblemDetail problem =
                switch (e.reason()) {
                    case TOO_LARGE ->
                        problem(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "Tệp quá lớn", e.getMessage());
                    case UNSUPPORTED_TYPE ->
                        problem(
                                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                                "unsupported-file-type",
                                "Loại tệp không được chấp nhận (chỉ nhận PDF, JPEG, PNG)",
                                e.getMessage());
                    case UNSAFE ->
                        problem(
                                HttpStatus.UNPROCESSABLE_ENTITY,
                                "unsafe-file",
                                "Tệp không mở được hoặc có nội dung không an toàn",
                                e.getMessage());
                    case DOSSIER_LIMIT ->
                        problem(
                                HttpStatus.PAYLOAD_TOO_LARGE,
                                "dossier-files-limit",
                                "Hồ sơ đã đủ số tệp hoặc dung lượng cho phép",
                                e.getMessage());
                };
        problem.setProperty("fileName", e.fileName());
        return problem;
    }

    /** An unknown code and a wrong lookup key answer alike, so codes cannot be probed. */
    @ExceptionHandler
    ProblemDetail unknownDossier(UnknownDossierException e) {
        return notFound();
    }

    @ExceptionHandler
    ProblemDetail dossierState(DossierStateException e) {
        ProblemDetail problem = problem(
                HttpStatus.CONFLICT, "dossier-state", "Yêu cầu không phù hợp với trạng thái hồ sơ", e.getMessage());
        problem.setProperty("status", e.status().code());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameterException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Tham số không hợp lệ", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    /** A date outside the years the working-day calendar has data for (docs/deadlines.md). */
    @ExceptionHandler
    ProblemDetail calendarYearMissing(CalendarDataMissingException e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "calendar-year-missing",
                "Chưa có lịch làm việc cho năm " + e.year(),
                e.getMessage());
        problem.setProperty("year", e.year());
        return problem;
    }

    /** Two requests raced for the same dossier or task and this one lost: nothing of it was done. */
    @ExceptionHandler
    ProblemDetail lostRace(OptimisticLockingException e) {
        return problem(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Hồ sơ vừa được thay đổi bởi một yêu cầu khác",
                "Another request changed the dossier or task at the same time; reload and try again.");
    }

    /** The dossier's process no longer waits for this request (e.g. withdrawing a dossier already withdrawn). */
    @ExceptionHandler
    ProblemDetail notWaiting(MismatchingMessageCorrelationException e) {
        return problem(
                HttpStatus.CONFLICT,
                "dossier-state",
                "Yêu cầu không phù hợp với trạng thái hồ sơ",
                "The dossier is not at a step where this request is possible.");
    }

    /**
     * A multipart body Tomcat could not read: too many parts, a broken part, a bad file name (a body too large is
     * the base class's {@code MaxUploadSizeExceededException}, 413).
     */
    @ExceptionHandler
    ProblemDetail unreadableMultipart(MultipartException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("FileCountLimit")) {
                ProblemDetail problem = problem(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "too-many-parts",
                        "Quá nhiều tệp trong một yêu cầu",
                        "The request has more parts than the server accepts.");
                problem.setProperty("parameter", "documents");
                return problem;
            }
        }
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-multipart",
                "Không đọc được các phần của yêu cầu",
                "The multipart body could not be read; each part needs a name, a file a file name.");
        problem.setProperty("parameter", "documents");
        return problem;
    }

    /** Unreadable JSON names the field it stopped at ({@link JsonInputLimits}). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = field(mapping.getPath());
            String why = mapping instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
                    ? mapping.getOriginalMessage()
                    : "has a value of the wrong kind";
            problem = problem(HttpStatus.BAD_REQUEST, "invalid-dossier", "Yêu cầu chưa hợp lệ", field + " " + why);
            problem.setProperty("errors", java.util.List.of(new InvalidSubmissionException.FieldProblem(field, why)));
        } else {
            problem = problem(
                    HttpStatus.BAD_REQUEST,
                    "unreadable-request",
                    "Không đọc được nội dung yêu cầu",
                    "The request body is not valid JSON of the expected form.");
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Bean-validation failures list each field ({@code errors}), like the dossier checks. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        java.util.List<InvalidSubmissionException.FieldProblem> errors = e.getFieldErrors().stream()
                .map(f -> new InvalidSubmissionException.FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-dossier",
                "Yêu cầu chưa hợp lệ",
                errors.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Spring's own errors (a missing part or header, a parameter of the wrong type, an unknown path, a method or
     * media type the endpoint does not take) get this application's type and name the parameter.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                HttpStatus resolved = HttpStatus.resolve(status.value());
                problem.setType(URI.create(
                        TYPES + ProblemErrorController.type(resolved == null ? HttpStatus.BAD_REQUEST : resolved)));
            }
            String parameter = null;
            if (e instanceof MissingServletRequestPartException m) {
                parameter = m.getRequestPartName();
            } else if (e instanceof MissingServletRequestParameterException m) {
                parameter = m.getParameterName();
            } else if (e instanceof MissingRequestHeaderException m) {
                parameter = m.getHeaderName();
            } else if (e instanceof TypeMismatchException m) {
                parameter = m.getPropertyName();
            }
            if (parameter != null) {
                problem.setProperty("parameter", parameter);
            }
        }
        return response;
    }

    private static String field(java.util.List<JsonMappingException.Reference> path) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                name.append(name.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                name.append('[').append(reference.getIndex()).append(']');
            }
        }
        return name.toString();
    }

    static ProblemDetail notFound() {
        return problem(
                HttpStatus.NOT_FOUND,
                "dossier-not-found",
                "Không tìm thấy hồ sơ",
                "Không có hồ sơ với mã này, hoặc mã tra cứu không đúng.");
    }

    /** A problem (RFC 9457) of this application: its type under {@value #TYPES}, a Vietnamese title. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
