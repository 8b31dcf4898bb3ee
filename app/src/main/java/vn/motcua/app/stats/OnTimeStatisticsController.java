package vn.motcua.app.stats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.app.web.InvalidParameterException;
import vn.motcua.stats.OnTimeStatistics;

/**
 * On-time statistics for clerks and leaders (groups tiepnhan, chuyenvien, lanhdao): dossiers finished
 * between two dates (inclusive, Vietnam time) by procedure, competent agency and month. The rule is in
 * docs/deadlines.md.
 */
@RestController
class OnTimeStatisticsController {

    /** A longer range is refused: the query scans finished dossiers. */
    static final int MAX_DAYS = 3 * 366;

    private final OnTimeStatistics statistics;

    OnTimeStatisticsController(OnTimeStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/stats/on-time")
    List<OnTimeStatistics.Row> onTime(@RequestParam String from, @RequestParam String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidParameterException("to", "'to' must not be before 'from'");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidParameterException("to", "at most " + MAX_DAYS + " days at a time");
        }
        return statistics.between(start, end);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "'" + name + "' must be an ISO-8601 date, e.g. 2026-01-31");
        }
    }
}
