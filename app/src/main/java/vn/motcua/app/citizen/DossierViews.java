package vn.motcua.app.citizen;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.DossierRequests;
import vn.motcua.dossier.LookupKeys;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.procedure.ProcedureCatalog;

/** Builds the citizen's views of a dossier and checks the lookup key. */
@Component
class DossierViews {

    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;

    DossierViews(DossierRepository dossiers, ProcedureCatalog catalog) {
        this.dossiers = dossiers;
        this.catalog = catalog;
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
                .withPersonalPart(
                        d.applicant(),
                        dossiers.documents(d.id()).stream()
                                .filter(doc -> shown(d, doc.documentCode()))
                                .toList());
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
