package vn.motcua.app.result;

import static vn.motcua.app.web.ApiProblems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details of the result download. */
@RestControllerAdvice
class ResultProblems {

    @ExceptionHandler
    ProblemDetail notIssued(ResultNotIssuedException e) {
        return problem(
                HttpStatus.CONFLICT, "result-not-issued", "Hồ sơ chưa có kết quả điện tử đã ký số", e.getMessage());
    }
}
