package vn.motcua.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.procedure.ServiceLevel;

/**
 * The dossier tables. Runs inside the caller's transaction (the engine's, when called from a
 * delegate), so dossier rows and engine state commit or roll back together.
 */
@Repository
public class DossierRepository {

    private static final String COLUMNS = """
            id, code, procedure_key, procedure_version, process_instance_id,
            applicant_name, applicant_identity_number, applicant_birth_date, applicant_phone,
            applicant_email, applicant_address, receiving_agency_code, competent_agency_code, return_agency_code,
            channel, service_level, public_status, internal_step,
            submitted_at, received_at, due_at, finished_at, returned_at""";

    private static final RowMapper<Dossier> DOSSIER = DossierRepository::mapDossier;

    private final JdbcTemplate jdbc;

    public DossierRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the next number of a unit's receipt day; the row lock serialises concurrent submissions. */
    public int nextCodeNumber(String unitCode, LocalDate receiptDay) {
        return jdbc.queryForObject("""
                insert into dossier_code_sequence (unit_code, receipt_day, last_value) values (?, ?, 1)
                on conflict (unit_code, receipt_day)
                do update set last_value = dossier_code_sequence.last_value + 1
                returning last_value""", Integer.class, unitCode, receiptDay);
    }

    public long insert(Dossier d, String lookupKeySha256, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement("""
                    insert into dossier (code, procedure_key, procedure_version, process_instance_id,
                        applicant_name, applicant_identity_number, applicant_birth_date, applicant_phone,
                        applicant_email, applicant_address, receiving_agency_code, competent_agency_code,
                        return_agency_code, receiving_agency_name, competent_agency_name, return_agency_name,
                        channel, service_level, public_status, internal_step, lookup_key_sha256,
                        submitted_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        (select name from agency where code = ?), (select name from agency where code = ?),
                        (select name from agency where code = ?), ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    int i = 0;
                    ps.setString(++i, d.code());
                    ps.setString(++i, d.procedureKey());
                    ps.setInt(++i, d.procedureVersion());
                    ps.setString(++i, d.processInstanceId());
                    ps.setString(++i, d.applicant().name());
                    ps.setString(++i, d.applicant().identityNumber());
                    ps.setObject(++i, d.applicant().birthDate());
                    ps.setString(++i, d.applicant().phone());
                    ps.setString(++i, d.applicant().email());
                    ps.setString(++i, d.applicant().address());
                    ps.setString(++i, d.receivingAgencyCode());
                    ps.setString(++i, d.competentAgencyCode());
                    ps.setString(++i, d.returnAgencyCode());
                    ps.setString(++i, d.receivingAgencyCode());
                    ps.setString(++i, d.competentAgencyCode());
                    ps.setString(++i, d.returnAgencyCode());
                    ps.setString(++i, d.channel().name());
                    ps.setString(++i, d.serviceLevel().name());
                    ps.setInt(++i, d.publicStatus().code());
                    ps.setString(++i, d.internalStep());
                    ps.setString(++i, lookupKeySha256);
                    ps.setTimestamp(++i, Timestamp.from(d.submittedAt()));
                    ps.setTimestamp(++i, Timestamp.from(now));
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    public void insertDocument(long dossierId, DocumentFile file, int supplementRound, Instant now) {
        jdbc.update(
                """
                insert into dossier_document (dossier_id, document_code, file_name, content_type, size_bytes, sha256,
                    supplement_round, uploaded_at, content)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                dossierId,
                file.documentCode(),
                file.fileName(),
                DocumentType.sniff(file.content()).map(DocumentType::mediaType).orElseThrow(),
                file.content().length,
                sha256(file.content()),
                supplementRound,
                Timestamp.from(now),
                file.content());
    }

    /** The dossier's files of one document code not yet signed, with their content. */
    public List<UnsignedDocument> unsignedDocuments(long dossierId, String documentCode) {
        return jdbc.query(
                """
                select id, file_name, content_type, content from dossier_document
                where dossier_id = ? and document_code = ? and signed_at is null order by id""",
                (rs, n) -> new UnsignedDocument(
                        rs.getLong("id"),
                        new DocumentFile(
                                documentCode,
                                rs.getString("file_name"),
                                rs.getString("content_type"),
                                rs.getBytes("content"))),
                dossierId,
                documentCode);
    }

    /** Replaces a file's content by its signed version. */
    public void markSigned(long documentId, byte[] signed, String agencyCode, Instant now) {
        jdbc.update("""
                update dossier_document set content = ?, size_bytes = ?, sha256 = ?, signed_at = ?, signed_by = ?
                where id = ?""", signed, signed.length, sha256(signed), Timestamp.from(now), agencyCode, documentId);
    }

    /** The dossier's result was issued as a signed electronic document (Quyết định 766/QĐ-TTg counts it). */
    public void markResultIssuedElectronically(long dossierId, Instant at) {
        jdbc.update(
                "update dossier set result_issued_electronically_at = coalesce(result_issued_electronically_at, ?)"
                        + " where id = ?",
                Timestamp.from(at),
                dossierId);
    }

    /** When the dossier's result was issued electronically, if it was. */
    public Optional<Instant> resultIssuedElectronicallyAt(long dossierId) {
        return jdbc
                .query(
                        "select result_issued_electronically_at from dossier where id = ?",
                        (rs, n) -> instant(rs, "result_issued_electronically_at"),
                        dossierId)
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** The dossier's signed results (document code ket-qua), newest first, without their content. */
    public List<StoredDocument> signedResults(long dossierId) {
        return documents(dossierId).stream()
                .filter(d -> DossierRequests.RESULT_DOCUMENT.equals(d.documentCode()))
                .filter(d -> isSigned(d.id()))
                .toList();
    }

    /** Whether a stored file carries the platform's signature. */
    public boolean isSigned(long documentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select signed_at is not null from dossier_document where id = ?", Boolean.class, documentId));
    }

    /** A stored file and its row id. */
    public record UnsignedDocument(long id, DocumentFile file) {}

    /** The documents of a dossier, without their content. */
    public List<StoredDocument> documents(long dossierId) {
        return jdbc.query(
                """
                select id, document_code, file_name, content_type, size_bytes, sha256, supplement_round, uploaded_at
                from dossier_document where dossier_id = ? order by id""",
                (rs, n) -> new StoredDocument(
                        rs.getLong("id"),
                        rs.getString("document_code"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        rs.getInt("supplement_round"),
                        instant(rs, "uploaded_at")),
                dossierId);
    }

    /** One document's bytes, if it belongs to this dossier. */
    public Optional<DocumentFile> documentContent(long dossierId, long documentId) {
        return jdbc
                .query(
                        """
                select document_code, file_name, content_type, content from dossier_document
                where dossier_id = ? and id = ?""",
                        (rs, n) -> new DocumentFile(
                                rs.getString("document_code"),
                                rs.getString("file_name"),
                                rs.getString("content_type"),
                                rs.getBytes("content")),
                        dossierId,
                        documentId)
                .stream()
                .findFirst();
    }

    public Optional<String> lookupKeySha256(String code) {
        return jdbc
                .query("select lookup_key_sha256 from dossier where code = ?", (rs, n) -> rs.getString(1), code)
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** @return the dossier as it now is, read by the same statement */
    public Dossier linkProcessInstance(long dossierId, String processInstanceId) {
        return jdbc.queryForObject(
                "update dossier set process_instance_id = ? where id = ? returning " + COLUMNS,
                DOSSIER,
                processInstanceId,
                dossierId);
    }

    public Optional<Dossier> findByCode(String code) {
        return jdbc.query("select " + COLUMNS + " from dossier where code = ?", DOSSIER, code).stream()
                .findFirst();
    }

    /** Reads a dossier and locks its row until the transaction ends, so status changes never interleave. */
    public Optional<Dossier> findByCodeForUpdate(String code) {
        return jdbc.query("select " + COLUMNS + " from dossier where code = ? for update", DOSSIER, code).stream()
                .findFirst();
    }

    /** @return the dossier as it now is, read by the same statement */
    Dossier updateStatus(long dossierId, PublicStatus status, String step, DossierDates dates, Instant now) {
        return jdbc.queryForObject(
                """
                update dossier set public_status = ?, internal_step = ?, received_at = ?, finished_at = ?,
                    returned_at = ?, updated_at = ?
                where id = ?
                returning\s""" + COLUMNS,
                DOSSIER,
                status.code(),
                step,
                ts(dates.receivedAt()),
                ts(dates.finishedAt()),
                ts(dates.returnedAt()),
                Timestamp.from(now),
                dossierId);
    }

    public void appendEvent(long dossierId, DossierEvent event) {
        jdbc.update(
                """
                insert into dossier_event (dossier_id, occurred_at, actor, public_status, internal_step,
                    public_message, internal_note)
                values (?, ?, ?, ?, ?, ?, ?)""",
                dossierId,
                Timestamp.from(event.occurredAt()),
                event.actor(),
                event.publicStatus().code(),
                event.internalStep(),
                event.publicMessage(),
                event.internalNote());
    }

    public AgencyNames agencyNames(long dossierId) {
        return jdbc.queryForObject(
                "select receiving_agency_name, competent_agency_name, return_agency_name from dossier where id = ?",
                (rs, row) -> new AgencyNames(rs.getString(1), rs.getString(2), rs.getString(3)),
                dossierId);
    }

    public List<DossierEvent> events(long dossierId) {
        return jdbc.query(
                """
                select occurred_at, actor, public_status, internal_step, public_message, internal_note
                from dossier_event where dossier_id = ? order by id""",
                (rs, n) -> new DossierEvent(
                        instant(rs, "occurred_at"),
                        rs.getString("actor"),
                        PublicStatus.ofCode(rs.getInt("public_status")),
                        rs.getString("internal_step"),
                        rs.getString("public_message"),
                        rs.getString("internal_note")),
                dossierId);
    }

    private static Dossier mapDossier(ResultSet rs, int rowNum) throws SQLException {
        return new Dossier(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("procedure_key"),
                rs.getInt("procedure_version"),
                rs.getString("process_instance_id"),
                new Applicant(
                        rs.getString("applicant_name"),
                        rs.getString("applicant_identity_number"),
                        rs.getObject("applicant_birth_date", LocalDate.class),
                        rs.getString("applicant_phone"),
                        rs.getString("applicant_email"),
                        rs.getString("applicant_address")),
                rs.getString("receiving_agency_code"),
                rs.getString("competent_agency_code"),
                rs.getString("return_agency_code"),
                Channel.valueOf(rs.getString("channel")),
                ServiceLevel.valueOf(rs.getString("service_level")),
                PublicStatus.ofCode(rs.getInt("public_status")),
                rs.getString("internal_step"),
                instant(rs, "submitted_at"),
                instant(rs, "received_at"),
                instant(rs, "due_at"),
                instant(rs, "finished_at"),
                instant(rs, "returned_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
