package vn.motcua.app.security;

import static vn.motcua.app.web.ApiProblems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details (RFC 9457) of the agency checks. */
@RestControllerAdvice
class SecurityProblems {

    /** Staff see and act on the dossiers of their own agencies only (docs/security.md). */
    @ExceptionHandler
    ProblemDetail agencyAccess(AgencyAccessException e) {
        return problem(
                HttpStatus.FORBIDDEN, "agency-forbidden", "Không có quyền với hồ sơ của cơ quan này", e.getMessage());
    }
}
