package vn.motcua.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * The legal time limit of a procedure, in working days or in days from the receipt of a complete dossier
 * (docs/deadlines.md, with worked examples). In working days ({@link TimeLimitKind#WORKING}):
 * <ul>
 *   <li>counting starts at receipt; received on a non-working day or after working hours, at the opening of
 *       the next working day; received before opening on a working day, at that day's opening;</li>
 *   <li>N ≥ 1 working days: due at the same time of day as the counting start, N working days later;</li>
 *   <li>0 (same day): due at the close of the day counting starts, or of the next working day when counting
 *       starts at or after the same-day cut-off (15:00);</li>
 *   <li>a pause for supplementation moves the due moment on by the working time the pause lasted.</li>
 * </ul>
 * In days ({@link TimeLimitKind#CALENDAR}; Bộ luật Dân sự 2015, Điều 147-148): counting starts as above (the
 * day of receipt is not counted); N ≥ 1 days end N days later at the same time of day; when that day is a day
 * off, at the close of the next working day. A pause moves the end on by the time it lasted (every hour counts),
 * and a moment outside working hours that this gives becomes the close of that day, or of the next working day
 * when it is a day off. 0 days is the same day, as in working days.
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

    /**
     * The due moment of a time limit in days of {@code kind}, moved on by {@code extensionWorkingDays} working
     * days (an extension the law allows, e.g. certifying many copies) and by {@code paused}, the time the clock
     * was stopped (working time for {@link TimeLimitKind#WORKING}, elapsed time for
     * {@link TimeLimitKind#CALENDAR}: see {@link #pausedTime}).
     */
    public Instant due(Instant received, int days, TimeLimitKind kind, int extensionWorkingDays, Duration paused) {
        if (extensionWorkingDays < 0) {
            throw new IllegalArgumentException("extensionWorkingDays must not be negative: " + extensionWorkingDays);
        }
        if (kind == TimeLimitKind.WORKING || days == 0) {
            return extend(plusWorkingDays(due(received, days), extensionWorkingDays), paused);
        }
        ZonedDateTime end = calendar.countingStart(received).plusDays(days).plus(paused);
        return plusWorkingDays(closeOfPeriod(end), extensionWorkingDays);
    }

    /** {@link #due(Instant, int, TimeLimitKind, int, Duration)} without extension or pause. */
    public Instant due(Instant received, int days, TimeLimitKind kind) {
        return due(received, days, kind, 0, Duration.ZERO);
    }

    /** How long a pause from {@code from} to {@code to} stopped a clock of {@code kind}. */
    public Duration pausedTime(Instant from, Instant to, TimeLimitKind kind) {
        if (kind == TimeLimitKind.WORKING) {
            return calendar.workingTimeBetween(from, to);
        }
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    /**
     * Where a period in days that runs to {@code end} really ends: at {@code end} during the working hours of a
     * working day; otherwise at the close of that day, or of the next working day when it is a day off
     * (Bộ luật Dân sự 2015, Điều 148: the period ends with its last day, moved to the next working day).
     */
    private Instant closeOfPeriod(ZonedDateTime end) {
        LocalDate day = end.toLocalDate();
        if (!calendar.isWorkingDay(day)) {
            return calendar.closing(calendar.nextWorkingDay(day)).toInstant();
        }
        var time = end.toLocalTime();
        if (time.isBefore(calendar.hours().opensAt())
                || time.isAfter(calendar.hours().closesAt())) {
            return calendar.closing(day).toInstant();
        }
        return end.toInstant();
    }

    /** The same time of day, {@code n} working days later. */
    private Instant plusWorkingDays(Instant moment, int n) {
        if (n == 0) {
            return moment;
        }
        ZonedDateTime at = moment.atZone(calendar.zone());
        return calendar.plusWorkingDays(at.toLocalDate(), n)
                .atTime(at.toLocalTime())
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
