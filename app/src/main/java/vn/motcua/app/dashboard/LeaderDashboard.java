package vn.motcua.app.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.agency.StaffDirectory;
import vn.motcua.app.clerk.PageFormat;
import vn.motcua.app.web.InvalidParameterException;
import vn.motcua.engine.EngineClock;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.stats.OnTimeStatistics;
import vn.motcua.stats.ServiceIndices;

/**
 * The leaders' dashboard {@code /can-bo/thong-ke}: received, in progress, late, on-time rate and online rate per
 * month, agency and procedure, plus the rates other features add ({@link DashboardRates}: online payment,
 * satisfaction), as SVG bar charts drawn on the server with their numbers in tables, and the CSV of the Quyết định
 * 766 indices. Like the statistics API, staff see their own agencies' rows and administrators the province's.
 *
 * <p>Why server-side SVG and not a charting library: a few bars per chart need no script; the page stays a few
 * kilobytes on a 3G connection (a charting library's bundle weighs 50 KB to 1 MB), prints, works without
 * JavaScript, and a screen reader reads the table beside each chart.
 */
@Controller
class LeaderDashboard {

    /** The open statuses: received, processing, supplement requested, awaiting payment, withdrawal requested. */
    private static final String OPEN_STATUSES = "2, 4, 5, 6, 7";

    private final ServiceIndices indices;
    private final OnTimeStatistics onTime;
    private final StaffDirectory staff;
    private final ProcedureCatalog catalog;
    private final JdbcTemplate jdbc;
    private final List<DashboardRates> extraRates;
    private final Clock clock;

    LeaderDashboard(
            ServiceIndices indices,
            OnTimeStatistics onTime,
            StaffDirectory staff,
            ProcedureCatalog catalog,
            JdbcTemplate jdbc,
            List<DashboardRates> extraRates,
            Clock clock) {
        this.indices = indices;
        this.onTime = onTime;
        this.staff = staff;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.extraRates = extraRates;
        this.clock = clock;
    }

    @GetMapping("/can-bo/thong-ke")
    String dashboard(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Authentication user,
            Model model) {
        LocalDate today = clock.instant().atZone(EngineClock.VIETNAM).toLocalDate();
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.withDayOfMonth(1).minusMonths(5) : date("from", from);
        if (end.isBefore(start)) {
            throw new InvalidParameterException("to", "'to' must not be before 'from'");
        }
        if (start.plusDays(3 * 366).isBefore(end)) {
            throw new InvalidParameterException("to", "at most " + 3 * 366 + " days at a time");
        }
        Predicate<String> visible = visibleAgencies(user);
        List<ServiceIndices.Row> rows = indices.between(start, end).stream()
                .filter(r -> visible.test(r.agencyCode()))
                .toList();
        List<OnTimeStatistics.Row> byProcedure = onTime.between(start, end).stream()
                .filter(r -> visible.test(r.agencyCode()))
                .toList();

        model.addAttribute("cbfmt", PageFormat.INSTANCE);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("csv", "/api/stats/indices.csv?from=" + start + "&to=" + end);
        // the tracking register (Mẫu 06) of each of the user's own agencies, for the same dates
        model.addAttribute(
                "registers",
                staff.agenciesOf(user.getName()).stream()
                        .sorted()
                        .map(a -> new RegisterLink(a, start, end))
                        .toList());

        // by month, over the visible agencies
        Map<String, Totals> months = new TreeMap<>();
        rows.forEach(r -> months.computeIfAbsent(r.month(), m -> new Totals(m)).add(r));
        model.addAttribute("months", months.values());
        model.addAttribute(
                "receivedChart",
                BarChart.of(
                        "chart-received",
                        months.values().stream()
                                .map(t -> new BarChart.Row(t.label, t.received, 0, String.valueOf(t.received)))
                                .toList()));
        model.addAttribute(
                "onTimeChart",
                BarChart.of(
                        "chart-on-time",
                        months.values().stream()
                                .map(t -> new BarChart.Row(t.label, t.onTime, t.late, t.onTime + " / " + t.late))
                                .toList()));

        // by agency
        Map<String, Totals> agencies = new TreeMap<>();
        rows.forEach(r -> agencies.computeIfAbsent(r.agencyCode(), a -> new Totals(r.agencyName()))
                .add(r));
        Map<String, long[]> open = openDossiers();
        List<AgencyLine> agencyLines = new ArrayList<>();
        agencies.forEach((code, t) -> {
            long[] o = open.getOrDefault(code, new long[2]);
            agencyLines.add(new AgencyLine(code, t, o[0], o[1]));
        });
        open.forEach((code, o) -> {
            if (!agencies.containsKey(code) && visible.test(code)) {
                agencyLines.add(new AgencyLine(code, new Totals(code), o[0], o[1]));
            }
        });
        model.addAttribute("agencies", agencyLines);
        model.addAttribute(
                "agencyChart",
                BarChart.of(
                        "chart-agency",
                        agencyLines.stream()
                                .map(a -> rateRow(a.totals().label, a.totals().onTimeRate()))
                                .toList()));

        // by procedure
        Map<String, long[]> procedures = new TreeMap<>();
        byProcedure.forEach(r -> {
            long[] c = procedures.computeIfAbsent(r.procedureKey(), k -> new long[3]);
            c[0] += r.finished();
            c[1] += r.onTime();
            c[2] += r.late();
        });
        List<ProcedureLine> procedureLines = procedures.entrySet().stream()
                .map(e -> new ProcedureLine(
                        catalog.latest(e.getKey())
                                .map(p -> p.descriptor().name().vi())
                                .orElse(e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2]))
                .toList();
        model.addAttribute("procedures", procedureLines);
        model.addAttribute(
                "procedureChart",
                BarChart.of(
                        "chart-procedure",
                        procedureLines.stream()
                                .map(p -> rateRow(p.name(), p.onTimeRate()))
                                .toList()));

        // the whole: received, in progress, late now, on-time and online rates
        Totals all = new Totals("");
        rows.forEach(all::add);
        model.addAttribute("all", all);
        model.addAttribute(
                "inProgress",
                agencyLines.stream().mapToLong(AgencyLine::inProgress).sum());
        model.addAttribute(
                "lateNow", agencyLines.stream().mapToLong(AgencyLine::lateNow).sum());

        // what other features add (online payment, satisfaction)
        List<ExtraRate> extra = new ArrayList<>();
        for (DashboardRates rates : extraRates) {
            Map<String, long[]> byAgency = new TreeMap<>();
            for (DashboardRates.Rate r : rates.between(start, end)) {
                if (visible.test(r.agencyCode()) && r.rate() != null) {
                    long[] c = byAgency.computeIfAbsent(r.agencyCode(), a -> new long[2]);
                    c[0] += r.counted();
                    c[1] += Math.round(r.rate() * r.counted());
                }
            }
            extra.add(new ExtraRate(
                    rates.titleVi(),
                    rates.titleEn(),
                    BarChart.of(
                            "chart-extra-" + extra.size(),
                            byAgency.entrySet().stream()
                                    .map(e -> rateRow(
                                            agencies.containsKey(e.getKey())
                                                    ? agencies.get(e.getKey()).label
                                                    : e.getKey(),
                                            e.getValue()[0] == 0 ? null : (double) e.getValue()[1] / e.getValue()[0]))
                                    .toList())));
        }
        model.addAttribute("extraRates", extra);
        return "can-bo/thong-ke";
    }

    private static BarChart.Row rateRow(String label, Double rate) {
        long percent = rate == null ? 0 : Math.round(rate * 100);
        return new BarChart.Row(label, percent, rate == null ? 0 : 100 - percent, PageFormat.INSTANCE.percent(rate));
    }

    /** Open dossiers now, per competent agency: in progress, and late among them. */
    private Map<String, long[]> openDossiers() {
        Map<String, long[]> open = new LinkedHashMap<>();
        jdbc.query(
                "select competent_agency_code, count(*), count(*) filter (where late) from dossier"
                        + " where public_status in (" + OPEN_STATUSES + ") group by competent_agency_code",
                rs -> {
                    open.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return open;
    }

    /** As the statistics API: administrators see every agency, staff their own. */
    private Predicate<String> visibleAgencies(Authentication user) {
        boolean administrator = user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + StaffRole.ADMINISTRATOR.groupId()));
        Set<String> mine = Set.copyOf(staff.agenciesOf(user.getName()));
        return code -> administrator || mine.contains(code);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameterException(name, "'" + name + "' must be an ISO-8601 date, e.g. 2026-01-31");
        }
    }

    /** Sums of index rows. */
    static final class Totals {
        final String label;
        long received;
        long receivedOnline;
        long finished;
        long onTime;
        long late;

        Totals(String label) {
            this.label = label;
        }

        void add(ServiceIndices.Row r) {
            received += r.received();
            receivedOnline += r.receivedOnline();
            finished += r.finished();
            onTime += r.onTime();
            late += r.late();
        }

        public String getLabel() {
            return label;
        }

        public long getReceived() {
            return received;
        }

        public long getFinished() {
            return finished;
        }

        public long getOnTime() {
            return onTime;
        }

        public long getLate() {
            return late;
        }

        public Double onTimeRate() {
            return onTime + late == 0 ? null : (double) onTime / (onTime + late);
        }

        public Double onlineRate() {
            return received == 0 ? null : (double) receivedOnline / received;
        }
    }

    record AgencyLine(String code, Totals totals, long inProgress, long lateNow) {}

    record ProcedureLine(String name, long finished, long onTime, long late) {
        public Double onTimeRate() {
            return onTime + late == 0 ? null : (double) onTime / (onTime + late);
        }
    }

    record ExtraRate(String titleVi, String titleEn, BarChart chart) {}

    /** The tracking register export ({@code GET /api/register}) of one agency, as PDF and CSV. */
    record RegisterLink(String agencyCode, LocalDate from, LocalDate to) {

        public String pdf() {
            return href("pdf");
        }

        public String csv() {
            return href("csv");
        }

        private String href(String format) {
            return "/api/register?agency=" + agencyCode + "&from=" + from + "&to=" + to + "&format=" + format;
        }
    }
}
