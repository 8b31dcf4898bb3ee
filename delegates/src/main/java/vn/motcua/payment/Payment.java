package vn.motcua.payment;

import java.time.Instant;
import java.util.List;
import vn.motcua.fee.FeeQuote;

/**
 * A payment request of a dossier and what became of it (table {@code payment}). Amounts are whole đồng.
 *
 * @param reference            what the citizen and the gateway quote: random, unguessable, not the dossier code
 * @param agencyCode           the collecting agency (the dossier's receiving unit)
 * @param method               how it was paid, null until paid
 * @param gateway              the online gateway's name (e.g. {@code vnpay}), null for a desk payment
 * @param gatewayTransactionNo the gateway's own transaction number, null for a desk payment
 * @param recordedBy           the clerk who recorded a desk payment, null for an online one
 * @param receiptYear          the year of the receipt's number series, null until paid
 * @param receiptNumber        the receipt's number in its agency's series of that year, null until paid
 * @param closedAt             when it expired, was cancelled or refunded
 * @param closeReason          why
 */
public record Payment(
        long id,
        String reference,
        long dossierId,
        String dossierCode,
        String agencyCode,
        long amount,
        String currency,
        List<FeeQuote.Item> items,
        String legalBasis,
        PaymentStatus status,
        Instant requestedAt,
        Instant expiresAt,
        PaymentMethod method,
        String gateway,
        String gatewayTransactionNo,
        String recordedBy,
        Instant paidAt,
        Instant confirmedAt,
        Integer receiptYear,
        Integer receiptNumber,
        Instant closedAt,
        String closeReason) {

    public Payment {
        items = List.copyOf(items);
    }

    /** Whether the request can still be paid at this moment: requested and not past its expiry. */
    public boolean payableAt(Instant moment) {
        return status == PaymentStatus.REQUESTED && !moment.isAfter(expiresAt);
    }

    /** The receipt's number as printed: 7 digits, e.g. {@code 0000042}; null until paid. */
    public String receiptNumberText() {
        return receiptNumber == null ? null : String.format("%07d", receiptNumber);
    }

    /** The receipt's series (ký hiệu): the agency and the year, e.g. {@code 000.00.99.H99-2026}; null until paid. */
    public String receiptSeries() {
        return receiptYear == null ? null : agencyCode + "-" + receiptYear;
    }
}
