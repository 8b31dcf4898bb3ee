package vn.motcua.dossier;

/**
 * The national lifecycle does not allow this move. Thrown inside the engine it is a modelling error:
 * the engine rolls back, retries the job if there is one, and then raises an incident.
 */
public class IllegalStatusChangeException extends RuntimeException {

    public IllegalStatusChangeException(String code, PublicStatus from, PublicStatus to) {
        super("Dossier " + code + " cannot move from status " + from.code() + " (" + from.name() + ") to " + to.code()
                + " (" + to.name() + ")");
    }
}
