package vn.motcua.result;

import org.camunda.bpm.engine.ProcessEngineException;

/** A result template that cannot be found or laid out; the step fails and says which. */
public class ResultTemplateException extends ProcessEngineException {

    public ResultTemplateException(String message) {
        super(message);
    }

    public ResultTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
