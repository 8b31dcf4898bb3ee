package vn.motcua.app.search;

import static vn.motcua.app.web.ApiProblems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details (RFC 9457) the dossier search answers with (docs/search.md). */
@RestControllerAdvice
class SearchProblems {

    @ExceptionHandler
    ProblemDetail searchUnavailable(SearchUnavailableException e) {
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "search-unavailable",
                "Chức năng tra cứu tạm thời gián đoạn",
                "The search index cannot be reached now; try again shortly.");
    }

    @ExceptionHandler
    ProblemDetail reindexRunning(ReindexRunningException e) {
        ProblemDetail problem =
                problem(HttpStatus.CONFLICT, "reindex-running", "Đang dựng lại chỉ mục", e.getMessage());
        if (e.runningId() != null) {
            problem.setProperty("runningId", e.runningId());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownReindex(UnknownReindexException e) {
        return problem(HttpStatus.NOT_FOUND, "reindex-not-found", "Không có lượt dựng lại chỉ mục này", e.getMessage());
    }
}
