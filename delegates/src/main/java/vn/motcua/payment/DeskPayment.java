package vn.motcua.payment;

/**
 * A payment a receiving clerk takes at the counter: what {@link Payments#recordAtDesk} takes.
 *
 * @param amount     the amount handed over, in whole đồng; must equal the request's
 * @param method     {@link PaymentMethod#DESK_CASH} or {@link PaymentMethod#DESK_CARD}
 * @param recordedBy the clerk's user id
 */
public record DeskPayment(long amount, PaymentMethod method, String recordedBy) {

    public DeskPayment {
        if (method == null || !method.atDesk()) {
            throw new IllegalArgumentException("A desk payment is in cash or by card, not " + method);
        }
        OnlinePayment.requireText(recordedBy, "recordedBy");
    }
}
