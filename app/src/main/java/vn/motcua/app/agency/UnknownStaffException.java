package vn.motcua.app.agency;

/** No user has this id (404). */
public class UnknownStaffException extends RuntimeException {

    public UnknownStaffException(String userId) {
        super("No user " + userId);
    }
}
