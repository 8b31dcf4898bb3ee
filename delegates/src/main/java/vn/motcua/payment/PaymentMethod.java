package vn.motcua.payment;

/** How a payment was made. */
public enum PaymentMethod {
    /** Through an online payment gateway (the gateway's name is kept beside it). */
    ONLINE,
    /** In cash at the one-stop desk. */
    DESK_CASH,
    /** By bank card at the one-stop desk's terminal. */
    DESK_CARD;

    public boolean atDesk() {
        return this != ONLINE;
    }
}
