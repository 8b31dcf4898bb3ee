package vn.motcua.payment;

import java.util.Optional;

/**
 * Where a citizen pays a payment request online: implemented by an online payment gateway's adapter (a bean of this
 * type); the public status view shows the link as {@code payment.payUrl}. Without such a bean no link is shown and
 * the fee is paid at the desk.
 */
@FunctionalInterface
public interface PaymentLinks {

    /** The address that starts paying this request, or empty when the request cannot be paid online. */
    Optional<String> payUrl(Payment payment);
}
