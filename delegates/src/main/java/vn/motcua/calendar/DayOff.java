package vn.motcua.calendar;

import java.time.LocalDate;

/**
 * A weekday on which state offices are closed.
 *
 * @param kind     {@link Kind#HOLIDAY} a public holiday of the Labour Code, {@link Kind#COMPENSATORY} a
 *                 holiday that fell on a weekend moved to the next working day, {@link Kind#SWAPPED} a
 *                 working day given off and made up on {@code madeUpOn}
 * @param madeUpOn for a swapped day, the (usually Saturday) date worked instead; otherwise null
 * @param source   the official document the entry comes from, as cited in the calendar file
 */
public record DayOff(LocalDate date, Kind kind, String name, LocalDate madeUpOn, String source) {

    public enum Kind {
        HOLIDAY,
        COMPENSATORY,
        SWAPPED
    }
}
