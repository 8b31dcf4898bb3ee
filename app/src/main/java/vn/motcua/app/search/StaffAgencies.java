package vn.motcua.app.search;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which agencies each staff member belongs to (table {@code staff_agency}). The clerk search shows only dossiers
 * received or handled by these agencies; it reads them here on every request, so a change applies at once.
 */
@Repository
public class StaffAgencies {

    private final JdbcTemplate jdbc;

    public StaffAgencies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> of(String userId) {
        return jdbc.queryForList(
                "select agency_code from staff_agency where user_id = ? order by agency_code", String.class, userId);
    }

    /** Adds a membership if missing. */
    public void add(String userId, String agencyCode) {
        jdbc.update(
                "insert into staff_agency (user_id, agency_code) values (?, ?) on conflict do nothing",
                userId,
                agencyCode);
    }

    /** Replaces all of a user's memberships. */
    @Transactional
    public void replace(String userId, List<String> agencyCodes) {
        jdbc.update("delete from staff_agency where user_id = ?", userId);
        for (String code : agencyCodes) {
            add(userId, code);
        }
    }

    /** The codes in the list that name no agency. */
    public List<String> unknownAgencies(List<String> agencyCodes) {
        return agencyCodes.stream()
                .filter(code -> !Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists (select 1 from agency where code = ?)", Boolean.class, code)))
                .toList();
    }
}
