package vn.motcua.app.calendar;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.app.web.InvalidParameterException;
import vn.motcua.calendar.DueDateRule;
import vn.motcua.calendar.TimeLimitKind;
import vn.motcua.engine.EngineClock;

/**
 * The portal's "if you submit now, your result is due on …": the due moment of the rule in
 * docs/deadlines.md for a dossier received at {@code from} with a time limit of {@code days} of {@code kind}.
 * Public (under /api/public/). Does not know pauses: it answers for a complete dossier received then.
 */
@RestController
class DueDateController {

    /** A time limit longer than this is not a one-stop-shop procedure; refused rather than computed. */
    static final int MAX_DAYS = 365;

    private final DueDateRule rule;

    DueDateController(DueDateRule rule) {
        this.rule = rule;
    }

    record DueDate(String due) {}

    /**
     * {@code days} and {@code kind} (WORKING, the default, or CALENDAR); {@code workingDays=N} is the older
     * spelling of {@code days=N&kind=WORKING} and keeps working. Give exactly one of {@code days} and
     * {@code workingDays}.
     */
    @GetMapping("/api/public/calendar/due")
    DueDate due(
            @RequestParam String from,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String workingDays,
            @RequestParam(required = false) String kind) {
        OffsetDateTime received;
        try {
            received = OffsetDateTime.parse(from);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    "from", "'from' must be an ISO-8601 date-time with offset, e.g. 2026-03-10T16:30:00+07:00");
        }
        if ((days == null) == (workingDays == null)) {
            throw new InvalidParameterException(
                    "days", "give 'days' (with 'kind') or 'workingDays', not both or neither");
        }
        TimeLimitKind timeLimitKind;
        if (workingDays != null) {
            if (kind != null && !kind.equals(TimeLimitKind.WORKING.name())) {
                throw new InvalidParameterException(
                        "kind", "'workingDays' counts working days: use 'days' with kind=" + kind);
            }
            timeLimitKind = TimeLimitKind.WORKING;
        } else {
            timeLimitKind = kind(kind);
        }
        String name = workingDays != null ? "workingDays" : "days";
        int count = count(name, workingDays != null ? workingDays : days);
        return new DueDate(rule.due(received.toInstant(), count, timeLimitKind)
                .atZone(EngineClock.VIETNAM)
                .toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private static TimeLimitKind kind(String value) {
        if (value == null) {
            return TimeLimitKind.WORKING;
        }
        try {
            return TimeLimitKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("kind", "'kind' must be WORKING or CALENDAR");
        }
    }

    private static int count(String name, String value) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > MAX_DAYS) {
            throw new InvalidParameterException(
                    name, "'" + name + "' must be a whole number between 0 and " + MAX_DAYS);
        }
        return n;
    }
}
