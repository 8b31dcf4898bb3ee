package vn.motcua.app.citizen;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.AgencyNames;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.DossierRequests;
import vn.motcua.dossier.LookupKeys;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.EngineClock;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentLinks;
import vn.motcua.payment.PaymentRepository;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.procedure.ProcedureCatalog;

/** Builds the citizen's views of a dossier and checks the lookup key. */
@Component
class DossierViews {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy", Locale.ROOT);

    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;

    private final PaymentRepository payments;
    private final ObjectProvider<PaymentLinks> links;
    private final ResultDeliveries deliveries;
    private final Ratings ratings;

    DossierViews(
            DossierRepository dossiers,
            ProcedureCatalog catalog,
            PaymentRepository payments,
            ObjectProvider<PaymentLinks> links,
            ResultDeliveries deliveries,
            Ratings ratings) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.payments = payments;
        this.links = links;
        this.deliveries = deliveries;
        this.ratings = ratings;
    }

    /** The keyless view: status, dates and milestones only ({@link DossierView#keyless}). */
    DossierView publicView(String code) {
        return fullView(code).keyless();
    }

    private DossierView fullView(String code) {
        Dossier d = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        String procedureName = catalog.latest(d.procedureKey())
                .map(p -> p.descriptor().name().vi())
                .orElse(null);
        AgencyNames names = dossiers.agencyNames(d.id());
        return DossierView.publicPart(
                d,
                procedureName,
                names,
                dossiers.events(d.id()),
                payment(latestPayment(d), names).orElse(null));
    }

    private Optional<Payment> latestPayment(Dossier d) {
        List<Payment> all = payments.ofDossier(d.id());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The fee part of the view: what is due and how to pay it while open; when and how once paid. */
    private Optional<DossierView.PaymentInfo> payment(Optional<Payment> latest, AgencyNames names) {
        return latest.map(p -> {
            boolean open = p.status() == PaymentStatus.REQUESTED;
            String payUrl = open
                    ? links.stream()
                            .map(l -> l.payUrl(p))
                            .flatMap(Optional::stream)
                            .findFirst()
                            .orElse(null)
                    : null;
            String howToPay = open
                    ? (payUrl == null ? "" : "Nộp trực tuyến qua liên kết thanh toán, hoặc ")
                            + (payUrl == null ? "Nộp" : "nộp")
                            + " tại Bộ phận Một cửa"
                            + (names.receiving() == null ? "" : " " + names.receiving())
                            + ", báo mã thanh toán " + p.reference() + ", trước "
                            + DATE_TIME.format(p.expiresAt().atZone(EngineClock.VIETNAM)) + "."
                    : null;
            return new DossierView.PaymentInfo(
                    p.status().name(),
                    p.amount(),
                    p.currency(),
                    p.items(),
                    p.legalBasis(),
                    p.reference(),
                    DossierView.local(p.expiresAt()),
                    payUrl,
                    howToPay,
                    DossierView.local(p.paidAt()),
                    p.method() == null ? null : p.method().name(),
                    p.receiptNumberText(),
                    null,
                    p.status() == PaymentStatus.REFUNDED ? p.closeReason() : null);
        });
    }

    /** The owner's receipt of the dossier's latest payment, if paid. */
    private String receiptHref(Dossier d) {
        return latestPayment(d)
                .filter(p -> p.receiptNumber() != null)
                .map(p -> "/api/public/dossiers/" + d.code() + "/payments/" + p.reference() + "/receipt")
                .orElse(null);
    }

    DossierView ownerView(String code, String lookupKey) {
        requireOwner(code, lookupKey);
        Dossier d = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        return fullView(code)
                .withPersonalPart(
                        d.applicant(),
                        dossiers.documents(d.id()).stream()
                                .filter(doc -> shown(d, doc.documentCode()))
                                .toList(),
                        receiptHref(d))
                .withOwnerChoices(
                        deliveries.of(d.id()).orElse(null),
                        ratings.of(d.id())
                                .map(r -> new DossierView.RatingView(
                                        r.level(), r.comment(), DossierView.local(r.ratedAt())))
                                .orElse(null));
    }

    /** The dossier itself, for its owner only. */
    Dossier owned(String code, String lookupKey) {
        requireOwner(code, lookupKey);
        return dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
    }

    /**
     * The result is the citizen's once the dossier is processed: before that it may be a draft the signing step has
     * not signed yet (docs/signatures.md), so nothing of it is shown or served.
     */
    private static boolean shown(Dossier d, String documentCode) {
        return !DossierRequests.RESULT_DOCUMENT.equals(documentCode)
                || d.publicStatus() == PublicStatus.PROCESSED
                || d.publicStatus() == PublicStatus.RESULT_RETURNED;
    }

    /** One of the dossier's files, for its owner only. */
    DocumentFile document(String code, String lookupKey, long documentId) {
        requireOwner(code, lookupKey);
        Dossier d = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        return dossiers.documentContent(d.id(), documentId)
                .filter(file -> shown(d, file.documentCode()))
                .orElseThrow(() -> new UnknownDossierException(code));
    }

    /** A wrong key is answered like an unknown code. */
    void requireOwner(String code, String lookupKey) {
        String stored = dossiers.lookupKeySha256(code).orElseThrow(() -> new UnknownDossierException(code));
        if (!LookupKeys.matches(lookupKey, stored)) {
            throw new UnknownDossierException(code);
        }
    }
}
