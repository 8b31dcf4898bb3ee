package vn.motcua.procedure;

/** A procedure folder cannot be deployed. The message names the file and what is wrong with it. */
public class ProcedureDefinitionException extends RuntimeException {

    public ProcedureDefinitionException(String message) {
        super(message);
    }

    public ProcedureDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
