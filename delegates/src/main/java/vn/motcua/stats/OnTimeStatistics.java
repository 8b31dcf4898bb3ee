package vn.motcua.stats;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.motcua.engine.EngineClock;

/**
 * On-time statistics by procedure, competent agency and month of finishing, by the national rule
 * (docs/deadlines.md, "Statistics"): a dossier finished (status 9 processed or 10 returned) is on time when
 * it was finished on or before its appointment (the due moment, already moved on by the supplementation
 * pauses) and the agency asked for supplements at most once; otherwise it is late. Dossiers without a time
 * limit are counted as finished but neither on time nor late. Withdrawn, stopped and refused dossiers are
 * not counted.
 */
@Service
public class OnTimeStatistics {

    private final JdbcTemplate jdbc;

    public OnTimeStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param month  {@code YYYY-MM}, the month the dossier was finished (Vietnam time)
     * @param onTimeRate on time ÷ (on time + late), null when neither
     */
    public record Row(
            String procedureKey,
            String agencyCode,
            String month,
            long finished,
            long onTime,
            long late,
            Double onTimeRate) {}

    /** Dossiers finished from the start of {@code from} to the end of {@code to} (both Vietnam dates, inclusive). */
    public List<Row> between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(EngineClock.VIETNAM).toInstant());
        Timestamp end =
                Timestamp.from(to.plusDays(1).atStartOfDay(EngineClock.VIETNAM).toInstant());
        return jdbc.query(
                """
                with counted as (
                    select d.procedure_key, d.competent_agency_code,
                           to_char(d.finished_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month,
                           d.due_at is not null as has_limit,
                           d.due_at is not null and d.finished_at <= d.due_at
                               and (select count(*) from dossier_event e
                                    where e.dossier_id = d.id and e.public_status = 5) <= 1 as on_time
                    from dossier d
                    where d.public_status in (9, 10) and d.received_at is not null
                      and d.finished_at >= ? and d.finished_at < ?)
                select procedure_key, competent_agency_code, month, count(*) as finished,
                       count(*) filter (where on_time) as on_time,
                       count(*) filter (where has_limit and not on_time) as late
                from counted
                group by procedure_key, competent_agency_code, month
                order by month, procedure_key, competent_agency_code""",
                (rs, n) -> {
                    long onTime = rs.getLong("on_time");
                    long late = rs.getLong("late");
                    return new Row(
                            rs.getString("procedure_key"),
                            rs.getString("competent_agency_code"),
                            rs.getString("month"),
                            rs.getLong("finished"),
                            onTime,
                            late,
                            onTime + late == 0 ? null : (double) onTime / (onTime + late));
                },
                start,
                end);
    }
}
