package vn.motcua.fee;

/** A fee asked for a procedure the engine does not have. */
public class UnknownProcedureException extends RuntimeException {

    public UnknownProcedureException(String key) {
        super("There is no procedure " + key);
    }
}
