package vn.motcua.app.web;

/** A request parameter that is present but not acceptable; answered 400 with the parameter's name. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
