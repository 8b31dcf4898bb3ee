package vn.motcua.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads a delegate's input parameters (local variables set by {@code camunda:inputParameter}). */
public final class DelegateInputs {

    private DelegateInputs() {}

    public static String require(DelegateExecution execution, String name) {
        String value = optional(execution, name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Activity " + execution.getCurrentActivityId() + " of "
                    + execution.getProcessDefinitionId() + " needs the input parameter '" + name + "'");
        }
        return value;
    }

    public static String optional(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        return value == null ? null : value.toString();
    }
}
