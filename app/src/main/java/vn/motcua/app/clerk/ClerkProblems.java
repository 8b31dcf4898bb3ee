package vn.motcua.app.clerk;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details (RFC 9457) of the clerks' workspace actions. */
@RestControllerAdvice(basePackageClasses = ClerkProblems.class)
class ClerkProblems {

    private static final String TYPES = "https://motcua.vn/problems/";

    @ExceptionHandler
    ProblemDetail unknownTask(UnknownTaskException e) {
        return problem(HttpStatus.NOT_FOUND, "task-not-found", "Không có công việc này", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail taskTaken(TaskTakenException e) {
        ProblemDetail problem =
                problem(HttpStatus.CONFLICT, "task-claimed", "Công việc đã có cán bộ khác nhận xử lý", e.getMessage());
        problem.setProperty("assignee", e.assignee());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidValues(InvalidFormValuesException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "invalid-form-values", "Giá trị biểu mẫu không hợp lệ", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
