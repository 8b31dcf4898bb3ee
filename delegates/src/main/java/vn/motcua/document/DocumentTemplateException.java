package vn.motcua.document;

/**
 * A document template that is missing or cannot be filled (not well-formed XHTML, an expression that fails). It
 * names the template's file, so the designer knows what to fix; in a delegate it becomes an incident.
 */
public class DocumentTemplateException extends RuntimeException {

    public DocumentTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
