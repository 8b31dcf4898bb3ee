package vn.motcua.app.clerk;

/** A submitted form value the engine cannot take (only text, numbers, true/false and empty are accepted). */
class InvalidFormValuesException extends RuntimeException {

    private final String field;

    InvalidFormValuesException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
