package vn.motcua.dossier;

import java.util.List;

/** A submission that breaks the procedure's rules; nothing of it was stored. Each problem names its field. */
public class InvalidSubmissionException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidSubmissionException(List<FieldProblem> problems) {
        super("The dossier is not valid: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** @param field a JSON-path-like name, e.g. {@code applicant.phone}, {@code data.copyCount}, {@code documents.ban-chinh} */
    public record FieldProblem(String field, String message) {}
}
