package vn.motcua.app.result;

/** The dossier has no signed result yet (not approved, or the signing step is waiting or failed). */
class ResultNotIssuedException extends RuntimeException {

    ResultNotIssuedException(String dossierCode) {
        super("Dossier " + dossierCode + " has no signed result yet: it is issued once the leader approved and the"
                + " result was signed");
    }
}
