package vn.motcua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierLifecycle.StatusChange;
import vn.motcua.engine.CurrentActor;
import vn.motcua.engine.DelegateInputs;

/**
 * "Cập nhật trạng thái hồ sơ": moves the dossier of this process instance to a public status and logs it.
 * Used as {@code camunda:delegateExpression="${updateDossierStatus}"} with these input parameters:
 * <ul>
 *   <li>{@value #IN_STATUS} (required): the national status, by name ({@code RECEIVED}) or code ({@code 2});</li>
 *   <li>{@value #IN_STEP} (required): the internal step, e.g. {@code approved};</li>
 *   <li>{@value #IN_MESSAGE}: the words the citizen sees on the timeline;</li>
 *   <li>{@value #IN_NOTE}: a note for staff only.</li>
 * </ul>
 * A move the national lifecycle forbids is a modelling error: the exception rolls the transaction back,
 * and the engine raises an incident (after retries, where the step is asynchronous).
 */
@Component("updateDossierStatus")
public class UpdateDossierStatusDelegate implements JavaDelegate {

    public static final String IN_STATUS = "status";
    public static final String IN_STEP = "step";
    public static final String IN_MESSAGE = "message";
    public static final String IN_NOTE = "note";

    private final DossierLifecycle lifecycle;
    private final CurrentActor actor;

    public UpdateDossierStatusDelegate(DossierLifecycle lifecycle, CurrentActor actor) {
        this.lifecycle = lifecycle;
        this.actor = actor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PublicStatus status = parseStatus(DelegateInputs.require(execution, IN_STATUS));
        String step = DelegateInputs.require(execution, IN_STEP);
        lifecycle.changeStatus(
                execution.getProcessBusinessKey(),
                new StatusChange(
                        status,
                        step,
                        DelegateInputs.optional(execution, IN_MESSAGE),
                        DelegateInputs.optional(execution, IN_NOTE),
                        actor.userId()));
    }

    static PublicStatus parseStatus(String value) {
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            return PublicStatus.ofCode(Integer.parseInt(v));
        }
        return PublicStatus.valueOf(v);
    }
}
