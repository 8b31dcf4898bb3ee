package vn.motcua.signature;

/**
 * A document could not be signed: no key, a wrong password, a provider that does not answer. Not a business error:
 * thrown out of a delegate it makes the engine retry the job and then raise an incident, which an operator retries
 * after the fix.
 */
public class SigningException extends RuntimeException {

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
