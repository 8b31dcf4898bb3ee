package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One year of the working-day calendar as its file says.
 *
 * @param pending     days off the Government has not decided yet, each as the window its days fall in: a year with
 *                    any is provisional, and its weekdays in those windows count as working days meanwhile
 * @param unconfirmed entries the file's author could not confirm from an official decision (kept out of the calendar)
 * @param location    the file it was read from
 */
public record CalendarYear(
        int year,
        Set<DayOfWeek> weekend,
        List<DayOff> daysOff,
        List<Pending> pending,
        List<String> unconfirmed,
        String location) {

    public CalendarYear {
        weekend = Set.copyOf(weekend);
        daysOff = List.copyOf(daysOff);
        pending = List.copyOf(pending);
        unconfirmed = List.copyOf(unconfirmed);
    }

    /** Without pending days (a year whose days off are all decided). */
    public CalendarYear(
            int year, Set<DayOfWeek> weekend, List<DayOff> daysOff, List<String> unconfirmed, String location) {
        this(year, weekend, daysOff, List.of(), unconfirmed, location);
    }

    public boolean provisional() {
        return !pending.isEmpty();
    }

    /** Days off not decided yet: they fall between {@code from} and {@code to} (inclusive). */
    public record Pending(String name, LocalDate from, LocalDate to) {}
}
