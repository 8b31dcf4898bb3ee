package vn.motcua.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks one year's calendar file ({@code calendar/<year>.yaml}, format in docs/deadlines.md).
 * Unknown keys, an entry without a source, a source nobody defined, a holiday on a weekend or a
 * make-up day that is not a weekend day are errors naming the file and the entry.
 */
public final class CalendarFileReader {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CalendarFileReader() {}

    /** The file as written. Dates are strings here so a bad date gets a message naming the entry. */
    record CalendarFile(
            Integer year,
            List<DayOfWeek> weekend,
            Map<String, String> sources,
            List<Entry> daysOff,
            List<PendingEntry> pending,
            List<String> unconfirmed) {}

    record PendingEntry(String name, String from, String to) {}

    record Entry(String date, DayOff.Kind kind, String name, String madeUpOn, String source, String note) {}

    /**
     * @param location where the file came from, for error messages
     */
    public static CalendarYear read(InputStream in, String location) {
        CalendarFile file;
        try {
            file = YAML.readValue(in, CalendarFile.class);
        } catch (IOException e) {
            throw new CalendarDefinitionException(location + " is not a valid calendar file: " + e.getMessage(), e);
        }
        if (file == null || file.year() == null) {
            throw new CalendarDefinitionException(location + ": 'year' is required");
        }
        int year = file.year();
        List<String> problems = new ArrayList<>();
        Set<DayOfWeek> weekend = file.weekend() == null || file.weekend().isEmpty()
                ? EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
                : EnumSet.copyOf(file.weekend());
        Map<String, String> sources = file.sources() == null ? Map.of() : file.sources();
        List<DayOff> daysOff = new ArrayList<>();
        for (Entry e : file.daysOff() == null ? List.<Entry>of() : file.daysOff()) {
            String what = "entry " + e.date() + (e.name() == null ? "" : " (" + e.name() + ")");
            LocalDate date = parse(e.date(), what + ": date", problems);
            if (e.kind() == null) {
                problems.add(what + ": kind is required (HOLIDAY, COMPENSATORY or SWAPPED)");
            }
            if (e.name() == null || e.name().isBlank()) {
                problems.add(what + ": name is required");
            }
            if (e.source() == null || e.source().isBlank()) {
                problems.add(what + ": source is required (the official decision it comes from)");
            } else if (!sources.containsKey(e.source())) {
                problems.add(what + ": source '" + e.source() + "' is not listed under sources");
            }
            LocalDate madeUpOn = e.madeUpOn() == null ? null : parse(e.madeUpOn(), what + ": madeUpOn", problems);
            if (e.kind() == DayOff.Kind.SWAPPED && e.madeUpOn() == null) {
                problems.add(what + ": a SWAPPED day needs madeUpOn, the weekend day worked instead");
            }
            if (e.kind() != DayOff.Kind.SWAPPED && e.madeUpOn() != null) {
                problems.add(what + ": only a SWAPPED day has madeUpOn");
            }
            if (date != null) {
                if (date.getYear() != year) {
                    problems.add(what + ": not in " + year);
                }
                if (weekend.contains(date.getDayOfWeek())) {
                    problems.add(what + ": falls on a weekend day; list the compensatory working day instead");
                }
                if (daysOff.stream().anyMatch(d -> d.date().equals(date))) {
                    problems.add(what + ": listed twice");
                }
            }
            if (madeUpOn != null && !weekend.contains(madeUpOn.getDayOfWeek())) {
                problems.add(what + ": madeUpOn " + madeUpOn + " is not a weekend day");
            }
            if (problems.isEmpty()) {
                daysOff.add(new DayOff(date, e.kind(), e.name(), madeUpOn, sources.get(e.source())));
            }
        }
        List<CalendarYear.Pending> pending = new ArrayList<>();
        for (PendingEntry p : file.pending() == null ? List.<PendingEntry>of() : file.pending()) {
            String what = "pending " + (p.name() == null ? p.from() : p.name());
            if (p.name() == null || p.name().isBlank()) {
                problems.add(what + ": name is required (which days off are not decided yet)");
            }
            LocalDate from = parse(p.from(), what + ": from", problems);
            LocalDate to = parse(p.to(), what + ": to", problems);
            if (from != null && to != null) {
                if (from.getYear() != year || to.getYear() != year) {
                    problems.add(what + ": not in " + year);
                } else if (to.isBefore(from)) {
                    problems.add(what + ": 'to' is before 'from'");
                } else {
                    pending.add(new CalendarYear.Pending(p.name(), from, to));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CalendarDefinitionException(location + ": " + String.join("; ", problems));
        }
        return new CalendarYear(
                year, weekend, daysOff, pending, file.unconfirmed() == null ? List.of() : file.unconfirmed(), location);
    }

    private static LocalDate parse(String value, String what, List<String> problems) {
        if (value == null) {
            problems.add(what + " is required");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(what + " '" + value + "' is not a date like 2026-02-16");
            return null;
        }
    }
}
