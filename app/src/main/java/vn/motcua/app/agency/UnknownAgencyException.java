package vn.motcua.app.agency;

/** No agency has this code (404). */
public class UnknownAgencyException extends RuntimeException {

    public UnknownAgencyException(String code) {
        super("No agency " + code);
    }
}
