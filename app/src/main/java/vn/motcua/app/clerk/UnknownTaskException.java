package vn.motcua.app.clerk;

/** No open task with this id that the signed-in user may see: gone, or another agency's (answered alike). */
class UnknownTaskException extends RuntimeException {

    UnknownTaskException(String taskId) {
        super("No open task " + taskId + " that you may see.");
    }
}
