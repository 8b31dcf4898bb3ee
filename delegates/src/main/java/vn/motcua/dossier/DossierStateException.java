package vn.motcua.dossier;

/** The request does not fit the dossier's current status, e.g. withdrawing a dossier whose result is ready. */
public class DossierStateException extends RuntimeException {

    private final PublicStatus status;

    public DossierStateException(String code, PublicStatus status, String what) {
        super("Dossier " + code + " (status " + status.code() + ", " + status.nameVi() + ") " + what);
        this.status = status;
    }

    public PublicStatus status() {
        return status;
    }
}
