package vn.motcua.app.payment;

import static vn.motcua.app.web.ApiProblems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.motcua.payment.Dong;
import vn.motcua.payment.Payment;

/** The problem details (RFC 9457) of desk payments. */
@RestControllerAdvice
class PaymentProblems {

    @ExceptionHandler
    ProblemDetail refused(DeskPaymentRefusedException e) {
        Payment payment = e.confirmation().payment();
        return switch (e.confirmation().outcome()) {
            case AMOUNT_MISMATCH -> {
                ProblemDetail problem = problem(
                        HttpStatus.BAD_REQUEST,
                        "payment-amount-mismatch",
                        "Số tiền không khớp với yêu cầu nộp phí",
                        "amount must be " + payment.amount() + " (" + Dong.format(payment.amount()) + ")");
                problem.setProperty("field", "amount");
                problem.setProperty("expectedAmount", payment.amount());
                yield problem;
            }
            case UNKNOWN_REFERENCE ->
                problem(
                        HttpStatus.CONFLICT,
                        "no-payment-due",
                        "Hồ sơ không có yêu cầu nộp phí",
                        "The dossier has no payment request.");
            case NOT_PAYABLE -> {
                ProblemDetail problem = problem(
                        HttpStatus.CONFLICT,
                        "payment-not-payable",
                        "Yêu cầu nộp phí đã hết hạn hoặc đã huỷ",
                        "Payment " + payment.reference() + " is " + payment.status() + ".");
                problem.setProperty("paymentStatus", payment.status().name());
                yield problem;
            }
            default ->
                throw new IllegalStateException(
                        "Not a refusal: " + e.confirmation().outcome());
        };
    }
}
