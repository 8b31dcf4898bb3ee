package vn.motcua.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import vn.motcua.engine.EngineClock;

/**
 * The working-day calendar of this installation: the national files shipped in
 * {@code classpath:calendar/<year>.yaml}, each replaced by a file of the same name in
 * {@code motcua.calendar.location} when a province keeps its own (e.g. {@code file:/srv/motcua/calendar}).
 * Working hours and the same-day cut-off are {@link CalendarProperties}. Start-up fails when the current year has no data.
 */
@Configuration
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(ResourcePatternResolver resources, CalendarProperties properties, Clock clock) {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        read(resources, "classpath*:calendar", years);
        if (properties.hasLocation()) {
            read(resources, properties.location(), years);
        }
        WorkingCalendar calendar = new WorkingCalendar(years.values(), properties.workingHours(), EngineClock.VIETNAM);
        check(calendar, LocalDate.now(clock.withZone(EngineClock.VIETNAM)));
        return calendar;
    }

    @Bean
    DueDateRule dueDateRule(WorkingCalendar calendar) {
        return new DueDateRule(calendar);
    }

    /** The current year must have data; a missing next year is announced loudly, as due dates soon reach it. */
    static void check(WorkingCalendar calendar, LocalDate today) {
        if (!calendar.hasYear(today.getYear())) {
            throw new CalendarDataMissingException(today.getYear());
        }
        if (!calendar.hasYear(today.getYear() + 1)) {
            log.warn(
                    "The working-day calendar has no data for {}: due dates that reach into {} cannot be computed "
                            + "(receipt fails) until calendar/{}.yaml is added",
                    today.getYear() + 1,
                    today.getYear() + 1,
                    today.getYear() + 1);
        }
        for (CalendarYear year : calendar.years()) {
            log.info(
                    "Working-day calendar {}: {} days off, from {}",
                    year.year(),
                    year.daysOff().size(),
                    year.location());
            year.unconfirmed()
                    .forEach(note -> log.warn("Calendar {}: not included, unconfirmed: {}", year.year(), note));
            provisionalWarning(calendar, year).ifPresent(log::warn);
        }
    }

    /**
     * For a provisional year, the days it is missing, by date: the weekdays of each pending window that the calendar
     * counts as working days until the Government decides, so operators know exactly which due dates may move.
     */
    static Optional<String> provisionalWarning(WorkingCalendar calendar, CalendarYear year) {
        if (!year.provisional()) {
            return Optional.empty();
        }
        StringBuilder warning = new StringBuilder("Calendar ")
                .append(year.year())
                .append(" is provisional (")
                .append(year.location())
                .append("): days off not decided yet, counted as working days until the file lists them:");
        for (CalendarYear.Pending pending : year.pending()) {
            List<LocalDate> counted = pending.from()
                    .datesUntil(pending.to().plusDays(1))
                    .filter(calendar::isWorkingDay)
                    .toList();
            warning.append(" ")
                    .append(pending.name())
                    .append(": ")
                    .append(
                            counted.isEmpty()
                                    ? "none counted as working days"
                                    : counted.stream().map(LocalDate::toString).collect(Collectors.joining(", ")))
                    .append(";");
        }
        warning.append(" due dates across these days are recalculated at the first start after the file is updated");
        return Optional.of(warning.toString());
    }

    private static void read(ResourcePatternResolver resources, String location, Map<Integer, CalendarYear> years) {
        Resource[] files;
        try {
            files = resources.getResources(location.replaceAll("/+$", "") + "/*.yaml");
        } catch (IOException e) {
            throw new CalendarDefinitionException("Cannot list calendar files in " + location, e);
        }
        for (Resource file : files) {
            String name = file.getFilename();
            String where = describe(file);
            if (name == null || !name.matches("\\d{4}\\.yaml")) {
                throw new CalendarDefinitionException(where + ": a calendar file is named <year>.yaml, e.g. 2026.yaml");
            }
            try (InputStream in = file.getInputStream()) {
                CalendarYear year = CalendarFileReader.read(in, where);
                if (!name.equals(year.year() + ".yaml")) {
                    throw new CalendarDefinitionException(
                            where + ": says year " + year.year() + " but is named " + name);
                }
                years.put(year.year(), year); // a later location (the province's) replaces the national year
            } catch (IOException e) {
                throw new CalendarDefinitionException("Cannot read " + where, e);
            }
        }
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }
}
