package vn.motcua.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.motcua.calendar.TimeLimitKind;

/** The deadline columns of {@code dossier} and the {@code dossier_pause} and {@code calendar_state} tables (V3). */
@Repository
public class DeadlineRepository {

    private final JdbcTemplate jdbc;

    public DeadlineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the dossier says about its deadline. */
    public record Deadline(
            long dossierId,
            String code,
            String processInstanceId,
            Instant receivedAt,
            Integer timeLimitWorkingDays,
            Instant dueAt,
            boolean late,
            Instant extendedDueAt,
            TimeLimitKind timeLimitKind,
            int extensionWorkingDays) {

        /** The time limit in days of {@link #timeLimitKind} (the column keeps its first name, from V3). */
        public Integer timeLimitDays() {
            return timeLimitWorkingDays;
        }
    }

    /** A stop of the clock while the citizen supplements; {@code endedAt} null while it lasts. */
    public record Pause(
            long id,
            Instant startedAt,
            Instant endedAt,
            Long pausedWorkingSeconds,
            Instant dueBefore,
            Instant dueAfter) {}

    private static final String DEADLINE_COLUMNS =
            "id, code, process_instance_id, received_at, time_limit_working_days, due_at, late, extended_due_at,"
                    + " time_limit_kind, extension_working_days";

    public Optional<Deadline> deadline(long dossierId) {
        return jdbc
                .query(
                        "select " + DEADLINE_COLUMNS + " from dossier where id = ?",
                        DeadlineRepository::deadline,
                        dossierId)
                .stream()
                .findFirst();
    }

    public Optional<Deadline> deadline(String code) {
        return jdbc
                .query(
                        "select " + DEADLINE_COLUMNS + " from dossier where code = ?",
                        DeadlineRepository::deadline,
                        code)
                .stream()
                .findFirst();
    }

    /** Dossiers still being handled that have a due moment, oldest first, locked for the caller's transaction. */
    public List<Deadline> openDossiersForUpdate() {
        return jdbc.query(
                "select " + DEADLINE_COLUMNS + " from dossier where finished_at is null and due_at is not null"
                        + " and time_limit_working_days is not null order by id for update",
                DeadlineRepository::deadline);
    }

    /** @param timeLimitDays the time limit in days of {@code kind} */
    public void setDue(long dossierId, Integer timeLimitDays, TimeLimitKind kind, Instant dueAt, Instant now) {
        jdbc.update(
                "update dossier set time_limit_working_days = ?, time_limit_kind = ?, due_at = ?, updated_at = ?"
                        + " where id = ?",
                timeLimitDays,
                kind.name(),
                ts(dueAt),
                ts(now),
                dossierId);
    }

    /** The working days the receiving clerk added to the time limit, and why. */
    public void setExtension(long dossierId, int workingDays, String reason, Instant dueAt, Instant now) {
        jdbc.update(
                "update dossier set extension_working_days = ?, extension_reason = ?, due_at = ?, updated_at = ?"
                        + " where id = ?",
                workingDays,
                reason,
                ts(dueAt),
                ts(now),
                dossierId);
    }

    public void markLate(long dossierId, Instant newAppointment, Instant now) {
        jdbc.update(
                "update dossier set late = true, extended_due_at = ?, updated_at = ? where id = ?",
                ts(newAppointment),
                ts(now),
                dossierId);
    }

    public void startPause(long dossierId, Instant startedAt) {
        jdbc.update("insert into dossier_pause (dossier_id, started_at) values (?, ?)", dossierId, ts(startedAt));
    }

    public Optional<Pause> openPause(long dossierId) {
        return jdbc
                .query(
                        "select * from dossier_pause where dossier_id = ? and ended_at is null",
                        DeadlineRepository::pause,
                        dossierId)
                .stream()
                .findFirst();
    }

    public void endPause(
            long pauseId, Instant endedAt, long pausedWorkingSeconds, Instant dueBefore, Instant dueAfter) {
        jdbc.update("""
                update dossier_pause set ended_at = ?, paused_working_seconds = ?, due_before = ?, due_after = ?
                where id = ?""", ts(endedAt), pausedWorkingSeconds, ts(dueBefore), ts(dueAfter), pauseId);
    }

    /** Forgets a pause that ended the moment it began (a fee paid at the counter at once): it moved nothing. */
    public void deletePause(long pauseId) {
        jdbc.update("delete from dossier_pause where id = ?", pauseId);
    }

    public List<Pause> pauses(long dossierId) {
        return jdbc.query(
                "select * from dossier_pause where dossier_id = ? order by id", DeadlineRepository::pause, dossierId);
    }

    public String agencyName(String agencyCode) {
        return jdbc.query("select name from agency where code = ?", (rs, n) -> rs.getString(1), agencyCode).stream()
                .findFirst()
                .orElse(agencyCode);
    }

    /** The calendar fingerprint due dates were last computed with, locking the row so one node recalculates. */
    public Optional<String> lockCalendarFingerprint() {
        return jdbc
                .query("select fingerprint from calendar_state where id = 1 for update", (rs, n) -> rs.getString(1))
                .stream()
                .findFirst();
    }

    public void saveCalendarFingerprint(String fingerprint, String years, Instant now) {
        jdbc.update("""
                insert into calendar_state (id, fingerprint, years, applied_at) values (1, ?, ?, ?)
                on conflict (id) do update set fingerprint = excluded.fingerprint, years = excluded.years,
                    applied_at = excluded.applied_at""", fingerprint, years, ts(now));
    }

    private static Deadline deadline(ResultSet rs, int n) throws SQLException {
        return new Deadline(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("process_instance_id"),
                instant(rs, "received_at"),
                (Integer) rs.getObject("time_limit_working_days"),
                instant(rs, "due_at"),
                rs.getBoolean("late"),
                instant(rs, "extended_due_at"),
                TimeLimitKind.valueOf(rs.getString("time_limit_kind")),
                rs.getInt("extension_working_days"));
    }

    private static Pause pause(ResultSet rs, int n) throws SQLException {
        return new Pause(
                rs.getLong("id"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                (Long) rs.getObject("paused_working_seconds"),
                instant(rs, "due_before"),
                instant(rs, "due_after"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
