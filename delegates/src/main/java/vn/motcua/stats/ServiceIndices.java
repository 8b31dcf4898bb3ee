package vn.motcua.stats;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.motcua.engine.EngineClock;

/**
 * The indices of Quyết định 766/QĐ-TTg (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân,
 * doanh nghiệp) that the platform's data can measure, per agency and month (Vietnam time). See docs/regulation.md
 * for each definition and for the indices not measurable yet (electronic results, satisfaction, synchronisation
 * with the national portal).
 * <ul>
 *   <li>Receipt side, by the <em>receiving</em> agency and the month of receipt: dossiers received (reached status 2),
 *       of them submitted online, and digitised (online ones, whose documents arrived as files, and paper ones whose
 *       clerk recorded at least one scanned document).</li>
 *   <li>Result side, by the <em>competent</em> agency and the month of finishing (status 9 or 10): finished, on time
 *       and late by the rule of {@link OnTimeStatistics}, and results digitised (a result file attached).</li>
 *   <li>Payment side, by the <em>collecting</em> agency (the receiving one) and the month of payment: dossiers whose
 *       fee was paid (refunded later or not), and of them paid online through a gateway, the online-payment rate of
 *       the index "thanh toán trực tuyến" (docs/fees.md).</li>
 * </ul>
 */
@Service
public class ServiceIndices {

    private final JdbcTemplate jdbc;

    public ServiceIndices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One agency in one month; a rate is null when its denominator is 0. */
    public record Row(
            String agencyCode,
            String agencyName,
            String month,
            long received,
            long receivedOnline,
            Double onlineRate,
            long digitised,
            Double digitisedRate,
            long finished,
            long onTime,
            long late,
            Double onTimeRate,
            long resultsDigitised,
            Double resultsDigitisedRate,
            long paid,
            long paidOnline,
            Double onlinePaymentRate) {}

    /** Column names of {@link #csv}, in order. */
    public static final List<String> CSV_COLUMNS = List.of(
            "agencyCode",
            "agencyName",
            "month",
            "received",
            "receivedOnline",
            "onlineRate",
            "digitised",
            "digitisedRate",
            "finished",
            "onTime",
            "late",
            "onTimeRate",
            "resultsDigitised",
            "resultsDigitisedRate",
            "paid",
            "paidOnline",
            "onlinePaymentRate");

    /** Dossiers received, and dossiers finished, from the start of {@code from} to the end of {@code to} (Vietnam dates). */
    public List<Row> between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(EngineClock.VIETNAM).toInstant());
        Timestamp end =
                Timestamp.from(to.plusDays(1).atStartOfDay(EngineClock.VIETNAM).toInstant());
        return jdbc.query(
                """
                with receipts as (
                    select d.receiving_agency_code as agency_code,
                           to_char(d.received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month,
                           count(*) as received,
                           count(*) filter (where d.channel = 'ONLINE') as online,
                           count(*) filter (where d.channel = 'ONLINE' or exists (
                               select 1 from dossier_digitisation g
                               where g.dossier_id = d.id and g.stage = 'RECEIPT')) as digitised
                    from dossier d
                    where d.received_at >= ? and d.received_at < ?
                    group by 1, 2),
                results as (
                    select d.competent_agency_code as agency_code,
                           to_char(d.finished_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month,
                           count(*) as finished,
                           count(*) filter (where d.due_at is not null and d.finished_at <= d.due_at
                               and (select count(*) from dossier_event e
                                    where e.dossier_id = d.id and e.public_status = 5) <= 1) as on_time,
                           count(*) filter (where d.due_at is not null and not (d.finished_at <= d.due_at
                               and (select count(*) from dossier_event e
                                    where e.dossier_id = d.id and e.public_status = 5) <= 1)) as late,
                           count(*) filter (where exists (
                               select 1 from dossier_digitisation g
                               where g.dossier_id = d.id and g.stage = 'RESULT')) as results_digitised
                    from dossier d
                    where d.public_status in (9, 10) and d.received_at is not null
                      and d.finished_at >= ? and d.finished_at < ?
                    group by 1, 2),
                payments as (
                    select p.agency_code,
                           to_char(p.paid_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month,
                           count(distinct p.dossier_id) as paid,
                           count(distinct p.dossier_id) filter (where p.method = 'ONLINE') as paid_online
                    from payment p
                    where p.paid_at >= ? and p.paid_at < ?
                    group by 1, 2)
                select coalesce(r.agency_code, s.agency_code, q.agency_code) as agency_code, a.name as agency_name,
                       coalesce(r.month, s.month, q.month) as month,
                       coalesce(q.paid, 0) as paid, coalesce(q.paid_online, 0) as paid_online,
                       coalesce(r.received, 0) as received, coalesce(r.online, 0) as online,
                       coalesce(r.digitised, 0) as digitised,
                       coalesce(s.finished, 0) as finished, coalesce(s.on_time, 0) as on_time,
                       coalesce(s.late, 0) as late, coalesce(s.results_digitised, 0) as results_digitised
                from receipts r
                full outer join results s on s.agency_code = r.agency_code and s.month = r.month
                full outer join payments q on q.agency_code = coalesce(r.agency_code, s.agency_code)
                    and q.month = coalesce(r.month, s.month)
                left join agency a on a.code = coalesce(r.agency_code, s.agency_code, q.agency_code)
                order by 3, 1""",
                (rs, n) -> {
                    long received = rs.getLong("received");
                    long online = rs.getLong("online");
                    long digitised = rs.getLong("digitised");
                    long finished = rs.getLong("finished");
                    long onTime = rs.getLong("on_time");
                    long late = rs.getLong("late");
                    long resultsDigitised = rs.getLong("results_digitised");
                    long paid = rs.getLong("paid");
                    long paidOnline = rs.getLong("paid_online");
                    return new Row(
                            rs.getString("agency_code"),
                            rs.getString("agency_name"),
                            rs.getString("month"),
                            received,
                            online,
                            rate(online, received),
                            digitised,
                            rate(digitised, received),
                            finished,
                            onTime,
                            late,
                            rate(onTime, onTime + late),
                            resultsDigitised,
                            rate(resultsDigitised, finished),
                            paid,
                            paidOnline,
                            rate(paidOnline, paid));
                },
                start,
                end,
                start,
                end,
                start,
                end);
    }

    /**
     * The rows as CSV (RFC 4180, comma-separated, CRLF, a header row of {@link #CSV_COLUMNS}), preceded by a UTF-8
     * byte order mark so spreadsheet programs read the Vietnamese names right. Rates have a dot as decimal mark.
     */
    public static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder("\uFEFF")
                .append(String.join(",", CSV_COLUMNS))
                .append("\r\n");
        for (Row r : rows) {
            List<Object> cells = List.of(
                    r.agencyCode(),
                    r.agencyName() == null ? "" : r.agencyName(),
                    r.month(),
                    r.received(),
                    r.receivedOnline(),
                    cell(r.onlineRate()),
                    r.digitised(),
                    cell(r.digitisedRate()),
                    r.finished(),
                    r.onTime(),
                    r.late(),
                    cell(r.onTimeRate()),
                    r.resultsDigitised(),
                    cell(r.resultsDigitisedRate()),
                    r.paid(),
                    r.paidOnline(),
                    cell(r.onlinePaymentRate()));
            out.append(String.join(
                            ",",
                            cells.stream()
                                    .map(String::valueOf)
                                    .map(ServiceIndices::quote)
                                    .toList()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static Object cell(Double rate) {
        return rate == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", rate);
    }

    /** A cell holding a comma, a quote or a line break is quoted, its quotes doubled; a leading =+-@ is defused. */
    static String quote(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v; // a name starting with "=" must not become a spreadsheet formula
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
