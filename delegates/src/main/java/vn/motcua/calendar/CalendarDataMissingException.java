package vn.motcua.calendar;

/**
 * A date falls in a year the working-day calendar has no data for. Never answered with a
 * weekend-only guess: add the year's file (docs/deadlines.md, "Adding a year").
 */
public class CalendarDataMissingException extends RuntimeException {

    private final int year;

    public CalendarDataMissingException(int year) {
        super("The working-day calendar has no data for " + year + ": add calendar/" + year
                + ".yaml (see docs/deadlines.md)");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
