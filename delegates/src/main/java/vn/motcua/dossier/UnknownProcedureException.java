package vn.motcua.dossier;

/** No procedure is deployed under the given key. */
public class UnknownProcedureException extends RuntimeException {

    public UnknownProcedureException(String key) {
        super("No procedure with key '" + key + "'");
    }
}
