package vn.motcua.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which days state offices work, and working time between moments, from the calendar files
 * (weekends, public holidays, swapped days) and the configured working hours. A date in a year
 * without data is a {@link CalendarDataMissingException}, never a weekend-only guess.
 * Immutable and thread-safe.
 */
public final class WorkingCalendar {

    private final SortedMap<Integer, CalendarYear> years;
    private final Map<LocalDate, DayOff> daysOff = new HashMap<>();
    /** Weekend days worked to make up a swapped day off. */
    private final Map<LocalDate, DayOff> madeUpDays = new HashMap<>();

    private final WorkingHours hours;
    private final ZoneId zone;
    private final String fingerprint;

    public WorkingCalendar(Collection<CalendarYear> years, WorkingHours hours, ZoneId zone) {
        this.years = new TreeMap<>();
        for (CalendarYear year : years) {
            if (this.years.put(year.year(), year) != null) {
                throw new CalendarDefinitionException("Two calendar files for " + year.year());
            }
            for (DayOff day : year.daysOff()) {
                daysOff.put(day.date(), day);
                if (day.madeUpOn() != null) {
                    madeUpDays.put(day.madeUpOn(), day);
                }
            }
        }
        this.hours = hours;
        this.zone = zone;
        this.fingerprint = fingerprint(this.years, hours);
    }

    public WorkingHours hours() {
        return hours;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The years with data, ascending. */
    public Collection<CalendarYear> years() {
        return years.values();
    }

    public boolean hasYear(int year) {
        return years.containsKey(year);
    }

    /**
     * A digest of everything that decides a due date (days off, make-up days, weekends, working hours):
     * when it changes between two start-ups, pending due dates are recalculated.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** Why a weekday is off, if it is. */
    public Optional<DayOff> dayOff(LocalDate date) {
        return Optional.ofNullable(daysOff.get(date));
    }

    /** @throws CalendarDataMissingException when the date's year has no calendar data */
    public boolean isWorkingDay(LocalDate date) {
        CalendarYear year = years.get(date.getYear());
        if (year == null) {
            throw new CalendarDataMissingException(date.getYear());
        }
        if (madeUpDays.containsKey(date)) {
            return true;
        }
        return !year.weekend().contains(date.getDayOfWeek()) && !daysOff.containsKey(date);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The first working day strictly before {@code date}. */
    public LocalDate previousWorkingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The working day {@code n} working days after {@code date} (n ≥ 0; 0 gives {@code date} itself). */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate d = date;
        for (int i = 0; i < n; i++) {
            d = nextWorkingDay(d);
        }
        return d;
    }

    /** The working day {@code n} working days before {@code date}. */
    public LocalDate minusWorkingDays(LocalDate date, int n) {
        LocalDate d = date;
        for (int i = 0; i < n; i++) {
            d = previousWorkingDay(d);
        }
        return d;
    }

    public ZonedDateTime opening(LocalDate date) {
        return date.atTime(hours.opensAt()).atZone(zone);
    }

    public ZonedDateTime closing(LocalDate date) {
        return date.atTime(hours.closesAt()).atZone(zone);
    }

    /**
     * Where counting starts for something arriving at {@code moment}: the moment itself during
     * working hours; the opening of the day when it comes earlier on a working day; otherwise the
     * opening of the next working day.
     */
    public ZonedDateTime countingStart(Instant moment) {
        ZonedDateTime at = moment.atZone(zone);
        LocalDate day = at.toLocalDate();
        LocalTime time = at.toLocalTime();
        if (isWorkingDay(day)) {
            if (time.isBefore(hours.opensAt())) {
                return opening(day);
            }
            if (time.isBefore(hours.closesAt())) {
                return at;
            }
        }
        return opening(nextWorkingDay(day));
    }

    /** Working time (inside working hours, on working days) between two moments; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            Instant start = max(opening(d).toInstant(), from);
            Instant end = min(closing(d).toInstant(), to);
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /**
     * The moment reached by working {@code amount} from {@code moment}, counting only working time.
     * Zero leaves the moment unchanged.
     */
    public Instant plusWorkingTime(Instant moment, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return moment;
        }
        ZonedDateTime at = countingStart(moment);
        Duration left = amount;
        while (true) {
            Duration restOfDay = Duration.between(at, closing(at.toLocalDate()));
            if (left.compareTo(restOfDay) <= 0) {
                return at.plus(left).toInstant();
            }
            left = left.minus(restOfDay);
            at = opening(nextWorkingDay(at.toLocalDate()));
        }
    }

    /** A local date-time at the calendar's zone, for messages and letters. */
    public LocalDateTime local(Instant moment) {
        return LocalDateTime.ofInstant(moment, zone);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String fingerprint(SortedMap<Integer, CalendarYear> years, WorkingHours hours) {
        StringBuilder canonical = new StringBuilder(hours.toString()).append('\n');
        years.values().forEach(year -> {
            canonical
                    .append(year.year())
                    .append(' ')
                    .append(new TreeMap<>(Map.of(
                            "w",
                            year.weekend().stream().map(Enum::name).sorted().toList())))
                    .append('\n');
            year.daysOff().stream()
                    .sorted(java.util.Comparator.comparing(DayOff::date))
                    .forEach(day -> canonical
                            .append(day.date())
                            .append(' ')
                            .append(day.kind())
                            .append(' ')
                            .append(day.madeUpOn())
                            .append('\n'));
        });
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
