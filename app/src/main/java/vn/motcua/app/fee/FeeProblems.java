package vn.motcua.app.fee;

import static vn.motcua.app.web.ApiProblems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.motcua.fee.InvalidFeeDataException;
import vn.motcua.fee.UnknownProcedureException;

/** The problem details (RFC 9457) of the fee quote. */
@RestControllerAdvice
class FeeProblems {

    @ExceptionHandler
    ProblemDetail invalidData(InvalidFeeDataException e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-fee-data",
                "Dữ liệu tờ khai chưa hợp lệ",
                "The start form refuses " + e.problems().size() + " of the fields; see errors.");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownProcedure(UnknownProcedureException e) {
        return problem(HttpStatus.NOT_FOUND, "procedure-not-found", "Không có thủ tục này", e.getMessage());
    }
}
