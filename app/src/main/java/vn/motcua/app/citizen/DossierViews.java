package vn.motcua.app.citizen;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.LookupKeys;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.procedure.ProcedureCatalog;

/** Builds the citizen's views of a dossier and checks the lookup key. */
@Component
class DossierViews {

    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final ResultDeliveries deliveries;
    private final Ratings ratings;

    DossierViews(DossierRepository dossiers, ProcedureCatalog catalog, ResultDeliveries deliveries, Ratings ratings) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.ratings = ratings;
    }

    DossierView publicView(String code) {
        Dossier d = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        String procedureName = catalog.latest(d.procedureKey())
                .map(p -> p.descriptor().name().vi())
                .orElse(null);
        return DossierView.publicPart(d, procedureName, dossiers.agencyNames(d.id()), dossiers.events(d.id()));
    }

    DossierView ownerView(String code, String lookupKey) {
        requireOwner(code, lookupKey);
        Dossier d = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        return publicView(code)
                .withPersonalPart(d.applicant(), dossiers.documents(d.id()))
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

    /** One of the dossier's files, for its owner only. */
    DocumentFile document(String code, String lookupKey, long documentId) {
        requireOwner(code, lookupKey);
        Dossier d = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        return dossiers.documentContent(d.id(), documentId).orElseThrow(() -> new UnknownDossierException(code));
    }

    /** A wrong key is answered like an unknown code. */
    void requireOwner(String code, String lookupKey) {
        String stored = dossiers.lookupKeySha256(code).orElseThrow(() -> new UnknownDossierException(code));
        if (!LookupKeys.matches(lookupKey, stored)) {
            throw new UnknownDossierException(code);
        }
    }
}
