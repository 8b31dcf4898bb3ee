package vn.motcua.app.result;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.LookupKeys;
import vn.motcua.dossier.StoredDocument;
import vn.motcua.dossier.UnknownDossierException;

/** Finds a dossier's signed result: its newest signed {@code ket-qua} file. */
@Component
class SignedResults {

    private final DossierRepository dossiers;

    SignedResults(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    /** For the citizen: an unknown code, a missing or wrong key all answer as an unknown dossier (404). */
    DocumentFile forOwner(String code, String lookupKey) {
        String stored = dossiers.lookupKeySha256(code).orElseThrow(() -> new UnknownDossierException(code));
        if (lookupKey == null || !LookupKeys.matches(lookupKey, stored)) {
            throw new UnknownDossierException(code);
        }
        return of(dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code)));
    }

    DocumentFile of(Dossier dossier) {
        StoredDocument newest = dossiers.signedResults(dossier.id()).stream()
                .reduce((first, second) -> second)
                .orElseThrow(() -> new ResultNotIssuedException(dossier.code()));
        return dossiers.documentContent(dossier.id(), newest.id())
                .orElseThrow(() -> new ResultNotIssuedException(dossier.code()));
    }
}
