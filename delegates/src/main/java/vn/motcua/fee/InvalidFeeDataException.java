package vn.motcua.fee;

import java.util.List;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;

/** Start form data the procedure's form refuses, so no fee can be quoted for it; each problem names its field. */
public class InvalidFeeDataException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidFeeDataException(List<FieldProblem> problems) {
        super("The form data is not valid: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
