package vn.motcua.dossier;

/** No dossier has the given code. */
public class UnknownDossierException extends RuntimeException {

    public UnknownDossierException(String code) {
        super("No dossier with code " + code);
    }
}
