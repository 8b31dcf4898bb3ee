package vn.motcua.payment;

import java.time.Instant;

/**
 * A gateway's verified notice that a payment request was paid: what {@link Payments#confirmOnline} takes. Build it
 * only from a notice whose signature the gateway adapter checked.
 *
 * @param reference            the payment request's reference, as the gateway echoes it (VNPAY: vnp_TxnRef)
 * @param amount               the amount paid, in whole đồng (VNPAY sends ×100: divide first)
 * @param gateway              the gateway's name, e.g. {@code vnpay}
 * @param gatewayTransactionNo the gateway's transaction number (VNPAY: vnp_TransactionNo)
 * @param paidAt               when the gateway says it was paid (VNPAY: vnp_PayDate)
 */
public record OnlinePayment(
        String reference, long amount, String gateway, String gatewayTransactionNo, Instant paidAt) {

    public OnlinePayment {
        requireText(reference, "reference");
        requireText(gateway, "gateway");
        requireText(gatewayTransactionNo, "gatewayTransactionNo");
        if (paidAt == null) {
            throw new IllegalArgumentException("paidAt is required");
        }
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
