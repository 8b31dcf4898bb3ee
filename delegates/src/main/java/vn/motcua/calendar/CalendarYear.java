package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

/**
 * One year of the working-day calendar as its file says.
 *
 * @param unconfirmed entries the file's author could not confirm from an official decision (kept out of the calendar)
 * @param location    the file it was read from
 */
public record CalendarYear(
        int year, Set<DayOfWeek> weekend, List<DayOff> daysOff, List<String> unconfirmed, String location) {

    public CalendarYear {
        weekend = Set.copyOf(weekend);
        daysOff = List.copyOf(daysOff);
        unconfirmed = List.copyOf(unconfirmed);
    }
}
