package vn.motcua.app.search;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.motcua.payment.PaymentStatus;

/**
 * Reads dossiers from PostgreSQL as search documents: the dossier row, its index version, and the
 * assignees of its process instance's open tasks, in one statement, so a document and its version
 * always describe the same committed state.
 */
@Repository
class DossierRows {

    private static final String SELECT = """
            select d.id, d.code, d.procedure_key, d.procedure_version, d.applicant_name, d.applicant_identity_number,
                d.applicant_phone, d.applicant_address, d.receiving_agency_code, d.competent_agency_code, d.channel,
                d.service_level, d.public_status, d.internal_step, d.submitted_at, d.received_at, d.due_at,
                d.finished_at, d.returned_at, d.updated_at, d.index_version,
                (select array_agg(distinct t.assignee_ order by t.assignee_) from act_ru_task t
                 where t.proc_inst_id_ = d.process_instance_id and t.assignee_ is not null) as assignees,
                (select p.status from payment p where p.dossier_id = d.id order by p.id desc limit 1) as payment_status
            from dossier d
            """;

    private final JdbcTemplate jdbc;
    private final ProcedureNames procedureNames;

    DossierRows(JdbcTemplate jdbc, ProcedureNames procedureNames) {
        this.jdbc = jdbc;
        this.procedureNames = procedureNames;
    }

    /** The dossiers with these codes; codes of no dossier are left out. */
    List<Row> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                SELECT + " where d.code = any (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", codes.toArray())),
                this::map);
    }

    /** Up to {@code limit} dossiers after the given id, in id order: a full scan in pages. */
    List<Row> afterId(long id, int limit) {
        return jdbc.query(SELECT + " where d.id > ? order by d.id limit ?", this::map, id, limit);
    }

    /** Up to {@code limit} dossiers whose index version is above the mark, in version order. */
    List<Row> changedAfter(long version, int limit) {
        return jdbc.query(
                SELECT + " where d.index_version > ? order by d.index_version limit ?", this::map, version, limit);
    }

    long count() {
        return jdbc.queryForObject("select count(*) from dossier", Long.class);
    }

    /**
     * The highest index version among committed dossiers. A change still in flight may hold a lower one and
     * commit later; the indexer's writes into both indices cover it (see {@link SearchReindex}).
     */
    long highestVersion() {
        return jdbc.queryForObject("select coalesce(max(index_version), 0) from dossier", Long.class);
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        String name = rs.getString("applicant_name");
        String address = rs.getString("applicant_address");
        String receiving = rs.getString("receiving_agency_code");
        String competent = rs.getString("competent_agency_code");
        Instant dueAt = instant(rs, "due_at");
        Instant finishedAt = instant(rs, "finished_at");
        int status = rs.getInt("public_status");
        String procedureKey = rs.getString("procedure_key");
        DossierDocument document = new DossierDocument(
                rs.getString("code"),
                procedureKey,
                rs.getInt("procedure_version"),
                procedureNames.of(procedureKey),
                name,
                SearchText.fold(name),
                address,
                SearchText.fold(address),
                SearchText.identityNumber(rs.getString("applicant_identity_number")),
                SearchText.phone(rs.getString("applicant_phone")),
                status,
                rs.getString("internal_step"),
                receiving,
                competent,
                receiving.equals(competent) ? List.of(receiving) : List.of(receiving, competent),
                rs.getString("channel"),
                rs.getString("service_level"),
                iso(rs, "submitted_at"),
                iso(rs, "received_at"),
                iso(dueAt),
                iso(finishedAt),
                iso(rs, "returned_at"),
                iso(rs, "updated_at"),
                dueAt != null && finishedAt != null ? finishedAt.isAfter(dueAt) : null,
                feeState(rs.getString("payment_status")),
                strings(rs.getArray("assignees")),
                rs.getLong("index_version"));
        return new Row(rs.getLong("id"), document);
    }

    /**
     * The fee state from the dossier's latest payment request (docs/fees.md), not from the public status:
     * {@code AWAITING_PAYMENT} while it is open, then {@code PAID}, {@code EXPIRED}, {@code CANCELLED} or
     * {@code REFUNDED}; none when no fee was ever asked.
     */
    static String feeState(String paymentStatus) {
        if (paymentStatus == null) {
            return null;
        }
        return paymentStatus.equals(PaymentStatus.REQUESTED.name()) ? "AWAITING_PAYMENT" : paymentStatus;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String iso(ResultSet rs, String column) throws SQLException {
        return iso(instant(rs, column));
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** A dossier's id (for paging through all of them) and its document. */
    record Row(long id, DossierDocument document) {}
}
