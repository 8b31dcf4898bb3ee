package vn.motcua.signature;

/** What was given to verify is not a readable PDF. */
public class NotAPdfException extends RuntimeException {

    public NotAPdfException(String message) {
        super(message);
    }
}
