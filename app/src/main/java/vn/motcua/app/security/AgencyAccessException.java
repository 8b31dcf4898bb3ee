package vn.motcua.app.security;

/** A staff member asked for dossiers of an agency they do not belong to, or belongs to none (403). */
public class AgencyAccessException extends RuntimeException {

    public AgencyAccessException(String message) {
        super(message);
    }
}
