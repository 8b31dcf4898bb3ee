package vn.motcua.agency;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The agencies (table {@code agency}) and, for routing, which agencies a dossier has. */
@Repository
public class AgencyRepository {

    private static final String COLUMNS =
            "code, name, level, parent_code, province_code, has_desk, active_from, active_to, merged_into";

    private final JdbcTemplate jdbc;

    public AgencyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Agency> find(String code) {
        return jdbc.query("select " + COLUMNS + " from agency where code = ?", AgencyRepository::map, code).stream()
                .findFirst();
    }

    public List<Agency> all() {
        return jdbc.query(
                "select " + COLUMNS + " from agency order by province_code nulls first, level, code",
                AgencyRepository::map);
    }

    /** The one active agency of a level in a province, e.g. its police; empty if there is none or several. */
    public Optional<Agency> onlyOfLevel(String provinceCode, AgencyLevel level, LocalDate day) {
        List<Agency> found = jdbc
                .query(
                        "select " + COLUMNS + " from agency where province_code = ? and level = ?",
                        AgencyRepository::map,
                        provinceCode,
                        level.name())
                .stream()
                .filter(a -> a.activeOn(day))
                .toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Inserts the agency or replaces every field of the one with its code. */
    public void save(Agency a) {
        jdbc.update(
                """
                insert into agency (code, name, level, parent_code, province_code, has_desk, active_from, active_to,
                    merged_into)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, level = excluded.level,
                    parent_code = excluded.parent_code, province_code = excluded.province_code,
                    has_desk = excluded.has_desk, active_from = excluded.active_from, active_to = excluded.active_to,
                    merged_into = excluded.merged_into""",
                a.code(),
                a.name(),
                a.level().name(),
                a.parentCode(),
                a.provinceCode(),
                a.hasDesk(),
                date(a.activeFrom()),
                date(a.activeTo()),
                a.mergedInto());
    }

    /** How many dossiers name the agency, as receiving, competent or return agency. */
    public long dossierCount(String code) {
        Long count = jdbc.queryForObject("""
                select count(*) from dossier
                where receiving_agency_code = ? or competent_agency_code = ? or return_agency_code = ?""", Long.class, code, code, code);
        return count == null ? 0 : count;
    }

    /** Removes an agency nothing refers to; the caller checks {@link #dossierCount} first. */
    public void delete(String code) {
        jdbc.update("delete from agency where code = ?", code);
    }

    /** The dossier's agency on one side, by dossier code (the business key of its process instance). */
    public Optional<String> dossierAgency(String dossierCode, AgencySide side) {
        String column =
                switch (side) {
                    case RECEIVING -> "receiving_agency_code";
                    case COMPETENT -> "competent_agency_code";
                    case RETURN -> "return_agency_code";
                };
        return jdbc
                .queryForList("select " + column + " from dossier where code = ?", String.class, dossierCode)
                .stream()
                .findFirst();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static Agency map(ResultSet rs, int row) throws SQLException {
        return new Agency(
                rs.getString("code"),
                rs.getString("name"),
                AgencyLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"),
                rs.getString("province_code"),
                rs.getBoolean("has_desk"),
                rs.getObject("active_from", LocalDate.class),
                rs.getObject("active_to", LocalDate.class),
                rs.getString("merged_into"));
    }
}
