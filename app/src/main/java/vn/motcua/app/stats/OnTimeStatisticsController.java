package vn.motcua.app.stats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.agency.StaffDirectory;
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
    private final StaffDirectory staff;

    OnTimeStatisticsController(OnTimeStatistics statistics, StaffDirectory staff) {
        this.statistics = statistics;
        this.staff = staff;
    }

    /** Staff see the rows of the agencies they belong to; administrators see the province's. */
    @GetMapping("/api/stats/on-time")
    List<OnTimeStatistics.Row> onTime(@RequestParam String from, @RequestParam String to, Authentication user) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidParameterException("to", "'to' must not be before 'from'");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidParameterException("to", "at most " + MAX_DAYS + " days at a time");
        }
        boolean administrator = user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + StaffRole.ADMINISTRATOR.groupId()));
        Set<String> visible = Set.copyOf(staff.agenciesOf(user.getName()));
        return statistics.between(start, end).stream()
                .filter(row -> administrator || visible.contains(row.agencyCode()))
                .toList();
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "'" + name + "' must be an ISO-8601 date, e.g. 2026-01-31");
        }
    }
}
