package vn.motcua.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * The legal time limit of a procedure, in working days from the receipt of a complete dossier
 * (docs/deadlines.md, with worked examples):
 * <ul>
 *   <li>counting starts at receipt; received on a non-working day or after working hours, at the opening of
 *       the next working day; received before opening on a working day, at that day's opening;</li>
 *   <li>N ≥ 1 working days: due at the same time of day as the counting start, N working days later;</li>
 *   <li>0 (same day): due at the close of the day counting starts, or of the next working day when counting
 *       starts at or after the same-day cut-off (15:00);</li>
 *   <li>a pause for supplementation moves the due moment on by the working time the pause lasted.</li>
 * </ul>
 */
public final class DueDateRule {

    private final WorkingCalendar calendar;

    public DueDateRule(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /**
     * @param received     when the complete dossier was received
     * @param workingDays  the legal time limit, 0 for the same working day
     */
    public Instant due(Instant received, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        ZonedDateTime start = calendar.countingStart(received);
        LocalDate day = start.toLocalDate();
        if (workingDays == 0) {
            boolean beforeCutOff = start.toLocalTime().isBefore(calendar.hours().sameDayCutOff());
            return calendar.closing(beforeCutOff ? day : calendar.nextWorkingDay(day))
                    .toInstant();
        }
        return calendar.plusWorkingDays(day, workingDays)
                .atTime(start.toLocalTime())
                .atZone(calendar.zone())
                .toInstant();
    }

    /** The due moment moved on by the working time of pauses (supplementation). */
    public Instant extend(Instant due, Duration pausedWorkingTime) {
        return calendar.plusWorkingTime(due, pausedWorkingTime);
    }

    /**
     * When to warn the handling clerk: {@code workingDaysBefore} working days before the due moment, at the
     * same time of day; when that is not after the counting start (a short time limit), halfway through the
     * working time between counting start and due moment.
     */
    public Instant warning(Instant received, Instant due, int workingDaysBefore) {
        ZonedDateTime dueAt = due.atZone(calendar.zone());
        Instant start = calendar.countingStart(received).toInstant();
        Instant warning = calendar.minusWorkingDays(dueAt.toLocalDate(), workingDaysBefore)
                .atTime(dueAt.toLocalTime())
                .atZone(calendar.zone())
                .toInstant();
        if (warning.isAfter(start)) {
            return warning;
        }
        Duration half = calendar.workingTimeBetween(start, due).dividedBy(2);
        return calendar.plusWorkingTime(start, half);
    }
}
