package vn.motcua.app.stats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.agency.StaffDirectory;
import vn.motcua.app.web.InvalidParameterException;
import vn.motcua.stats.SatisfactionStatistics;
import vn.motcua.stats.ServiceIndices;

/**
 * The Quyết định 766/QĐ-TTg indices per agency and month, as JSON and as CSV, for clerks and leaders (rows of
 * their own agencies) and administrators (all rows). Definitions: docs/regulation.md.
 */
@RestController
class ServiceIndicesController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ServiceIndices indices;
    private final SatisfactionStatistics satisfaction;
    private final StaffDirectory staff;

    ServiceIndicesController(ServiceIndices indices, SatisfactionStatistics satisfaction, StaffDirectory staff) {
        this.indices = indices;
        this.satisfaction = satisfaction;
        this.staff = staff;
    }

    /** The citizens' ratings per competent agency and month, with the satisfaction rate (docs/regulation.md). */
    @GetMapping("/api/stats/satisfaction")
    List<SatisfactionStatistics.Row> satisfaction(
            @RequestParam String from, @RequestParam String to, Authentication user) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        checkPeriod(start, end);
        Set<String> visible = Set.copyOf(staff.agenciesOf(user.getName()));
        return satisfaction.between(start, end).stream()
                .filter(row -> administrator(user) || visible.contains(row.agencyCode()))
                .toList();
    }

    @GetMapping("/api/stats/indices")
    List<ServiceIndices.Row> indices(@RequestParam String from, @RequestParam String to, Authentication user) {
        return visibleRows(from, to, user);
    }

    @GetMapping("/api/stats/indices.csv")
    ResponseEntity<String> csv(@RequestParam String from, @RequestParam String to, Authentication user) {
        List<ServiceIndices.Row> rows = visibleRows(from, to, user);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"chi-so-766_" + from + "_" + to + ".csv\"")
                .body(ServiceIndices.csv(rows));
    }

    /** Staff see the rows of the agencies they belong to; administrators see the province's. */
    private List<ServiceIndices.Row> visibleRows(String from, String to, Authentication user) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        checkPeriod(start, end);
        boolean administrator = administrator(user);
        Set<String> visible = Set.copyOf(staff.agenciesOf(user.getName()));
        return indices.between(start, end).stream()
                .filter(row -> administrator || visible.contains(row.agencyCode()))
                .toList();
    }

    private static boolean administrator(Authentication user) {
        return user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + StaffRole.ADMINISTRATOR.groupId()));
    }

    private static void checkPeriod(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new InvalidParameterException("to", "'to' must not be before 'from'");
        }
        if (start.plusDays(OnTimeStatisticsController.MAX_DAYS).isBefore(end)) {
            throw new InvalidParameterException(
                    "to", "at most " + OnTimeStatisticsController.MAX_DAYS + " days at a time");
        }
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "'" + name + "' must be an ISO-8601 date, e.g. 2026-01-31");
        }
    }
}
