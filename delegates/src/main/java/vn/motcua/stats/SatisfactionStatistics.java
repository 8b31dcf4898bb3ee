package vn.motcua.stats;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.motcua.engine.EngineClock;

/**
 * The satisfaction index of Quyết định 766/QĐ-TTg as the platform measures it: the citizens' ratings of returned
 * dossiers (table {@code dossier_rating}), per <em>competent</em> agency and month of rating (Vietnam time). The
 * satisfaction rate is the share of "Rất hài lòng" and "Hài lòng" among the ratings given (docs/regulation.md: the
 * three levels are those of the national public service portal; the counting rule is the project's reading).
 */
@Service
public class SatisfactionStatistics {

    private final JdbcTemplate jdbc;

    public SatisfactionStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One agency in one month; {@code satisfactionRate} is null without ratings. */
    public record Row(
            String agencyCode,
            String agencyName,
            String month,
            long rated,
            long verySatisfied,
            long satisfied,
            long dissatisfied,
            Double satisfactionRate) {}

    /** Ratings given from the start of {@code from} to the end of {@code to} (Vietnam dates). */
    public List<Row> between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(EngineClock.VIETNAM).toInstant());
        Timestamp end =
                Timestamp.from(to.plusDays(1).atStartOfDay(EngineClock.VIETNAM).toInstant());
        return jdbc.query(
                """
                select d.competent_agency_code as agency_code, a.name as agency_name,
                       to_char(r.rated_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month,
                       count(*) as rated,
                       count(*) filter (where r.level = 'VERY_SATISFIED') as very_satisfied,
                       count(*) filter (where r.level = 'SATISFIED') as satisfied,
                       count(*) filter (where r.level = 'DISSATISFIED') as dissatisfied
                from dossier_rating r
                join dossier d on d.id = r.dossier_id
                left join agency a on a.code = d.competent_agency_code
                where r.rated_at >= ? and r.rated_at < ?
                group by 1, 2, 3
                order by 3, 1""",
                (rs, n) -> {
                    long rated = rs.getLong("rated");
                    long very = rs.getLong("very_satisfied");
                    long satisfied = rs.getLong("satisfied");
                    return new Row(
                            rs.getString("agency_code"),
                            rs.getString("agency_name"),
                            rs.getString("month"),
                            rated,
                            very,
                            satisfied,
                            rs.getLong("dissatisfied"),
                            rated == 0 ? null : (double) (very + satisfied) / rated);
                },
                start,
                end);
    }
}
