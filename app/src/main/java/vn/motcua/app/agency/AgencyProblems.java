package vn.motcua.app.agency;

import static vn.motcua.app.web.ApiProblems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details (RFC 9457) of the agency and staff administration. */
@RestControllerAdvice
class AgencyProblems {

    @ExceptionHandler
    ProblemDetail invalid(AgencyDefinitionException e) {
        return problem(
                HttpStatus.BAD_REQUEST, "invalid-agency", "Thông tin cơ quan, cán bộ chưa hợp lệ", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownAgencyException e) {
        return problem(HttpStatus.NOT_FOUND, "agency-not-found", "Không có cơ quan này", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail exists(AgencyExistsException e) {
        return problem(HttpStatus.CONFLICT, "agency-exists", "Cơ quan đã có", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail inUse(AgencyInUseException e) {
        return problem(HttpStatus.CONFLICT, "agency-in-use", "Cơ quan đã có hồ sơ, không xoá được", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownStaff(UnknownStaffException e) {
        return problem(HttpStatus.NOT_FOUND, "staff-not-found", "Không có cán bộ này", e.getMessage());
    }
}
