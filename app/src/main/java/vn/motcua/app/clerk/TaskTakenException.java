package vn.motcua.app.clerk;

/** The task is held by someone else: it is theirs to complete or to hand back. */
class TaskTakenException extends RuntimeException {

    private final String assignee;

    TaskTakenException(String taskId, String assignee) {
        super("Task " + taskId + " is claimed by " + assignee + ".");
        this.assignee = assignee;
    }

    String assignee() {
        return assignee;
    }
}
