package vn.motcua.app.agency;

/** An agency that dossiers name cannot be deleted, only deactivated (409). */
public class AgencyInUseException extends RuntimeException {

    public AgencyInUseException(String code, long dossiers) {
        super("Agency " + code + " is named by " + dossiers + " dossier(s): deactivate it instead of deleting it");
    }
}
