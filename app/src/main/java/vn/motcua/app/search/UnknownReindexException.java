package vn.motcua.app.search;

/** No reindex run has this id (404). */
public class UnknownReindexException extends RuntimeException {

    public UnknownReindexException(long id) {
        super("No reindex run with id " + id + ".");
    }
}
