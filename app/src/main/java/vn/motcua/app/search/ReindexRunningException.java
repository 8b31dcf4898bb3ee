package vn.motcua.app.search;

/** A reindex was asked for while another one runs somewhere in the cluster (409). */
public class ReindexRunningException extends RuntimeException {

    private final Long runningId;

    public ReindexRunningException(Long runningId) {
        super(
                runningId == null
                        ? "A reindex is already running on another node."
                        : "Reindex " + runningId + " is already running.");
        this.runningId = runningId;
    }

    public Long runningId() {
        return runningId;
    }
}
