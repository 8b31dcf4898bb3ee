package vn.motcua.app.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.app.agency.StaffDirectory;
import vn.motcua.app.security.AgencyAccessException;
import vn.motcua.app.web.InvalidParameterException;
import vn.motcua.engine.EngineClock;

/** {@code GET /api/dossiers}: the clerks' dossier search, limited to the agencies the signed-in clerk belongs to. */
@RestController
@RequestMapping("/api/dossiers")
@Tag(
        name = "Dossier search",
        description = "Tra cứu hồ sơ cho cán bộ: theo mã, tên (có hoặc không dấu), số định danh, "
                + "điện thoại, thủ tục, trạng thái, cơ quan, ngày nộp, trễ hạn")
class DossierSearchController {

    static final int MAX_SIZE = 100;
    /** Elasticsearch's index.max_result_window: deeper pages need a narrower search. */
    static final int MAX_WINDOW = 10_000;

    private final DossierSearch search;
    private final StaffDirectory staffAgencies;
    private final Clock clock;

    DossierSearchController(DossierSearch search, StaffDirectory staffAgencies, Clock clock) {
        this.search = search;
        this.staffAgencies = staffAgencies;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Search the dossiers of the clerk's agencies",
            description = "Answers the total, one page of dossiers and counts by status and procedure. Only dossiers "
                    + "received or handled by an agency the signed-in clerk belongs to are ever found (403 for a clerk "
                    + "of no agency, or for an agency parameter naming another one). List parameters may repeat or "
                    + "be comma-separated. 400 for a parameter that cannot be understood.")
    DossierSearchResult search(
            @Parameter(
                            description =
                                    "Code or part of it, applicant name with or without diacritics, identity number, phone")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "Public status codes 1-10") @RequestParam(required = false) List<String> status,
            @Parameter(description = "Procedure keys") @RequestParam(required = false) List<String> procedure,
            @Parameter(description = "Agency codes, among the clerk's own") @RequestParam(required = false)
                    List<String> agency,
            @Parameter(description = "true: late only; false: not late only") @RequestParam(required = false)
                    String late,
            @Parameter(
                            description =
                                    "Submitted from this day (yyyy-MM-dd, Vietnam time) or moment (ISO-8601 with offset), inclusive")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "Submitted until this day or moment, inclusive") @RequestParam(required = false)
                    String to,
            @Parameter(description = "Words of the applicant's address, with or without diacritics")
                    @RequestParam(required = false)
                    String address,
            @Parameter(
                            description =
                                    "relevance, submittedAt, dueAt, updatedAt or code; a leading '-' sorts descending. "
                                            + "Default: relevance with q, else -submittedAt")
                    @RequestParam(required = false)
                    String sort,
            @Parameter(description = "Page number from 0") @RequestParam(required = false, defaultValue = "0")
                    String page,
            @Parameter(description = "Page size, 1-100") @RequestParam(required = false, defaultValue = "20")
                    String size,
            Principal user) {
        List<String> visible = staffAgencies.agenciesOf(user.getName());
        if (visible.isEmpty()) {
            throw new AgencyAccessException("User " + user.getName() + " belongs to no agency, so finds no dossier; "
                    + "an administrator adds the membership (PUT /api/admin/staff/{userId}/agencies).");
        }
        Set<String> agencies = values(agency);
        for (String a : agencies) {
            if (!visible.contains(a)) {
                throw new AgencyAccessException("User " + user.getName() + " does not belong to agency " + a + ".");
            }
        }
        if (q != null && q.length() > 200) {
            throw new InvalidParameterException("q", "q is longer than 200 characters.");
        }
        int pageNumber = integer("page", page, 0, MAX_WINDOW);
        int pageSize = integer("size", size, 1, MAX_SIZE);
        if ((long) (pageNumber + 1) * pageSize > MAX_WINDOW) {
            throw new InvalidParameterException(
                    "page", "Only the first " + MAX_WINDOW + " results can be paged through; " + "narrow the search.");
        }
        Instant fromInstant = moment("from", from, false);
        Instant toInstant = moment("to", to, true);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidParameterException("to", "to is before from.");
        }
        DossierQuery query = new DossierQuery(
                q,
                statuses(status),
                values(procedure),
                agencies,
                bool("late", late),
                fromInstant,
                toInstant,
                address,
                sort(sort, q),
                pageNumber,
                pageSize);
        return search.search(query, visible, clock.instant());
    }

    private static Set<Integer> statuses(List<String> raw) {
        Set<Integer> statuses = new LinkedHashSet<>();
        for (String s : values(raw)) {
            statuses.add(integer("status", s, 1, 10));
        }
        return statuses;
    }

    private static Set<String> values(List<String> raw) {
        Set<String> values = new LinkedHashSet<>();
        if (raw != null) {
            for (String r : raw) {
                if (r != null && !r.isBlank()) {
                    values.add(r.trim());
                }
            }
        }
        return values;
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException(
                name, name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'.");
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name, name + " must be true or false, not '" + value + "'.");
        };
    }

    /** A day means its whole length in Vietnam: from its start, or (for the end of a range) until the next day. */
    private static Instant moment(String name, String value, boolean endOfRange) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().replace(' ', '+'); // an offset's '+' sent unencoded arrives as a space
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return inRange(
                        name,
                        value,
                        (endOfRange ? day.plusDays(1) : day)
                                .atStartOfDay(EngineClock.VIETNAM)
                                .toInstant());
            }
            Instant moment = OffsetDateTime.parse(v).toInstant();
            return inRange(name, value, endOfRange ? moment.plusMillis(1) : moment);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    name,
                    name + " must be a day (2026-11-28) or a moment with its offset "
                            + "(2026-11-28T09:00:00+07:00), not '" + value + "'.");
        }
    }

    /** Years Elasticsearch's dates hold and a dossier can have (a year such as 99999 made the search fail with 503). */
    private static Instant inRange(String name, String value, Instant moment) {
        if (moment.isBefore(EARLIEST) || moment.isAfter(LATEST)) {
            throw new InvalidParameterException(
                    name, name + " must lie between the years 1900 and 2999, not '" + value + "'.");
        }
        return moment;
    }

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private static DossierQuery.Sort sort(String value, String q) {
        if (value == null || value.isBlank()) {
            return q != null && !q.isBlank() ? DossierQuery.Sort.RELEVANCE : DossierQuery.Sort.NEWEST;
        }
        String v = value.trim();
        boolean descending = v.startsWith("-");
        String field = descending ? v.substring(1) : v;
        if (!DossierQuery.Sort.FIELDS.contains(field)) {
            throw new InvalidParameterException(
                    "sort",
                    "sort must be one of " + DossierQuery.Sort.FIELDS + ", optionally with a leading '-', not '" + value
                            + "'.");
        }
        return new DossierQuery.Sort(field, descending);
    }
}
