package vn.motcua.app.calendar;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.app.web.InvalidParameterException;
import vn.motcua.calendar.DueDateRule;
import vn.motcua.engine.EngineClock;

/**
 * The portal's "if you submit now, your result is due on …": the due moment of the rule in
 * docs/deadlines.md for a dossier received at {@code from} with a time limit of {@code workingDays}.
 * Public (under /api/public/). Does not know pauses: it answers for a complete dossier received then.
 */
@RestController
class DueDateController {

    /** A time limit longer than this is not a one-stop-shop procedure; refused rather than computed. */
    static final int MAX_WORKING_DAYS = 365;

    private final DueDateRule rule;

    DueDateController(DueDateRule rule) {
        this.rule = rule;
    }

    record DueDate(String due) {}

    @GetMapping("/api/public/calendar/due")
    DueDate due(@RequestParam String from, @RequestParam int workingDays) {
        OffsetDateTime received;
        try {
            received = OffsetDateTime.parse(from);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    "from", "'from' must be an ISO-8601 date-time with offset, e.g. 2026-03-10T16:30:00+07:00");
        }
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new InvalidParameterException(
                    "workingDays", "'workingDays' must be between 0 and " + MAX_WORKING_DAYS);
        }
        return new DueDate(rule.due(received.toInstant(), workingDays)
                .atZone(EngineClock.VIETNAM)
                .toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
