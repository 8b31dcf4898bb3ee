package vn.motcua.app.citizen;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import vn.motcua.app.web.SubmissionRequest.ResultDelivery;
import vn.motcua.dossier.AgencyNames;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.StoredDocument;
import vn.motcua.engine.EngineClock;
import vn.motcua.fee.FeeQuote;

/**
 * A dossier as its citizen sees it. Without the lookup key ({@link #keyless}) only the status, the dates (the
 * appointment among them) and the public milestones: no procedure (a judicial-record request is itself
 * sensitive), no agencies, no free text (reasons typed by clerks or citizens can hold personal data), no
 * personal data, no documents, no staff names. Dossier codes are sequential, so anyone can ask for any code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DossierView(
        String code,
        String procedureKey,
        String procedureName,
        Agencies agencies,
        int status,
        String statusName,
        String statusNameEn,
        OffsetDateTime submittedAt,
        OffsetDateTime receivedAt,
        OffsetDateTime appointmentAt,
        OffsetDateTime finishedAt,
        OffsetDateTime returnedAt,
        List<TimelineEntry> timeline,
        PaymentInfo payment,
        Applicant applicant,
        List<DocumentView> documents,
        ResultDelivery resultDelivery,
        RatingView rating) {

    public static DossierView publicPart(
            Dossier d, String procedureName, AgencyNames names, List<DossierEvent> events, PaymentInfo payment) {
        return new DossierView(
                d.code(),
                d.procedureKey(),
                procedureName,
                new Agencies(
                        new AgencyRef(d.receivingAgencyCode(), names.receiving()),
                        new AgencyRef(d.competentAgencyCode(), names.competent()),
                        new AgencyRef(d.returnAgencyCode(), names.returning())),
                d.publicStatus().code(),
                d.publicStatus().nameVi(),
                d.publicStatus().nameEn(),
                local(d.submittedAt()),
                local(d.receivedAt()),
                local(d.dueAt()),
                local(d.finishedAt()),
                local(d.returnedAt()),
                events.stream()
                        .filter(e -> e.publicMessage() != null)
                        .map(TimelineEntry::of)
                        .toList(),
                payment,
                null,
                null,
                null,
                null);
    }

    /** What anyone may see with the code alone: status, dates and milestones without their messages. */
    public DossierView keyless() {
        return new DossierView(
                code,
                null,
                null,
                null,
                status,
                statusName,
                statusNameEn,
                submittedAt,
                receivedAt,
                appointmentAt,
                finishedAt,
                returnedAt,
                timeline.stream()
                        .map(e -> new TimelineEntry(e.at(), e.status(), e.statusName(), null))
                        .toList(),
                null,
                null,
                null,
                null,
                null);
    }

    /** The owner's extras: how the result is delivered (null: at the desk) and the rating given (null: none yet). */
    public DossierView withOwnerChoices(ResultDelivery delivery, RatingView ratingGiven) {
        return new DossierView(
                code,
                procedureKey,
                procedureName,
                agencies,
                status,
                statusName,
                statusNameEn,
                submittedAt,
                receivedAt,
                appointmentAt,
                finishedAt,
                returnedAt,
                timeline,
                payment,
                applicant,
                documents,
                delivery,
                ratingGiven);
    }

    public DossierView withPersonalPart(Applicant applicant, List<StoredDocument> documents, String receiptHref) {
        return new DossierView(
                code,
                procedureKey,
                procedureName,
                agencies,
                status,
                statusName,
                statusNameEn,
                submittedAt,
                receivedAt,
                appointmentAt,
                finishedAt,
                returnedAt,
                timeline,
                payment == null ? null : payment.withReceipt(receiptHref),
                applicant,
                documents.stream().map(d -> DocumentView.of(code, d)).toList(),
                resultDelivery,
                rating);
    }

    /**
     * The dossier's fee: what is due (amount, items, legal basis), the reference to pay with, until when, and how
     * ({@code payUrl} when an online gateway is configured, else null; {@code howToPay} in words); once paid, when
     * and how, and (with the lookup key) the receipt's address; a refund with its reason.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentInfo(
            String status,
            long amount,
            String currency,
            List<FeeQuote.Item> items,
            String legalBasis,
            String reference,
            OffsetDateTime expiresAt,
            String payUrl,
            String howToPay,
            OffsetDateTime paidAt,
            String method,
            String receiptNumber,
            String receiptHref,
            String refundReason) {

        PaymentInfo withReceipt(String href) {
            return new PaymentInfo(
                    status,
                    amount,
                    currency,
                    items,
                    legalBasis,
                    reference,
                    expiresAt,
                    payUrl,
                    howToPay,
                    paidAt,
                    method,
                    receiptNumber,
                    href,
                    refundReason);
        }
    }

    /** The citizen's satisfaction rating: VERY_SATISFIED, SATISFIED or DISSATISFIED, with the comment. */
    public record RatingView(String level, String comment, OffsetDateTime ratedAt) {}

    /** Times are given in Vietnam's offset (+07:00), as citizens read them. */
    static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(EngineClock.VIETNAM).toOffsetDateTime();
    }

    /**
     * Where the dossier was received, who decides it, where its result is collected: each with its name as it
     * was when the dossier was received.
     */
    public record Agencies(AgencyRef receiving, AgencyRef competent, AgencyRef returning) {}

    public record AgencyRef(String code, String name) {}

    /** Without the lookup key the message is left out (not sent as null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(OffsetDateTime at, int status, String statusName, String message) {

        static TimelineEntry of(DossierEvent e) {
            return new TimelineEntry(
                    local(e.occurredAt()),
                    e.publicStatus().code(),
                    e.publicStatus().nameVi(),
                    e.publicMessage());
        }
    }

    /** A document, with the address its owner downloads it from (the lookup key is needed there too). */
    public record DocumentView(
            long id,
            String documentCode,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            int supplementRound,
            OffsetDateTime uploadedAt,
            String href) {

        static DocumentView of(String code, StoredDocument d) {
            return new DocumentView(
                    d.id(),
                    d.documentCode(),
                    d.fileName(),
                    d.contentType(),
                    d.sizeBytes(),
                    d.sha256(),
                    d.supplementRound(),
                    local(d.uploadedAt()),
                    "/api/public/dossiers/" + code + "/documents/" + d.id());
        }
    }
}
