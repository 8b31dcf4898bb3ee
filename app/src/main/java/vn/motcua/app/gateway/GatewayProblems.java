package vn.motcua.app.gateway;

import static vn.motcua.app.web.ApiProblems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details (RFC 9457) of starting an online payment. */
@RestControllerAdvice
class GatewayProblems {

    @ExceptionHandler
    ProblemDetail unavailable(OnlinePaymentUnavailableException e) {
        return problem(
                HttpStatus.NOT_FOUND,
                "online-payment-unavailable",
                "Chưa có thanh toán trực tuyến; vui lòng nộp phí tại bộ phận một cửa",
                e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notPayable(PaymentNotPayableException e) {
        ProblemDetail problem = problem(
                HttpStatus.CONFLICT, "payment-not-payable", "Yêu cầu thanh toán không còn hiệu lực", e.getMessage());
        problem.setProperty("paymentState", e.request().state().name());
        return problem;
    }
}
