package vn.motcua.calendar;

/** A calendar file is malformed or contradicts itself; the message names the file and the entry. */
public class CalendarDefinitionException extends RuntimeException {

    public CalendarDefinitionException(String message) {
        super(message);
    }

    public CalendarDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
