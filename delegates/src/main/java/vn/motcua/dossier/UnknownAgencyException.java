package vn.motcua.dossier;

/** No agency has the given unit code. */
public class UnknownAgencyException extends RuntimeException {

    public UnknownAgencyException(String code) {
        super("No agency with unit code '" + code + "'");
    }
}
