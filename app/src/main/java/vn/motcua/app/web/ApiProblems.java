package vn.motcua.app.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
