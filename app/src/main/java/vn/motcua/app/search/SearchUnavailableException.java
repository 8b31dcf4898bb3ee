package vn.motcua.app.search;

/** Elasticsearch did not answer or refused the request: the search is unavailable for now (503). */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
