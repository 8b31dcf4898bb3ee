package vn.motcua.app.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import vn.motcua.engine.EngineClock;
import vn.motcua.fee.FeeQuote;
import vn.motcua.payment.Confirmation;
import vn.motcua.payment.Payment;

/** A payment as the dossier's staff see it; {@code outcome} only in the answer to a desk payment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentView(
        String reference,
        String status,
        long amount,
        String currency,
        List<FeeQuote.Item> items,
        String legalBasis,
        String agencyCode,
        OffsetDateTime requestedAt,
        OffsetDateTime expiresAt,
        String method,
        String gateway,
        String gatewayTransactionNo,
        String recordedBy,
        OffsetDateTime paidAt,
        String receiptSeries,
        String receiptNumber,
        String receiptHref,
        OffsetDateTime closedAt,
        String closeReason,
        Confirmation.Outcome outcome) {

    static PaymentView of(Payment p, Confirmation.Outcome outcome) {
        return new PaymentView(
                p.reference(),
                p.status().name(),
                p.amount(),
                p.currency(),
                p.items(),
                p.legalBasis(),
                p.agencyCode(),
                local(p.requestedAt()),
                local(p.expiresAt()),
                p.method() == null ? null : p.method().name(),
                p.gateway(),
                p.gatewayTransactionNo(),
                p.recordedBy(),
                local(p.paidAt()),
                p.receiptSeries(),
                p.receiptNumberText(),
                p.receiptNumber() == null
                        ? null
                        : "/api/dossiers/" + p.dossierCode() + "/payments/" + p.reference() + "/receipt",
                local(p.closedAt()),
                p.closeReason(),
                outcome);
    }

    private static OffsetDateTime local(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(EngineClock.VIETNAM).toOffsetDateTime();
    }
}
