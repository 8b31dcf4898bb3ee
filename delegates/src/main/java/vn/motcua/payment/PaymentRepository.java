package vn.motcua.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.motcua.fee.FeeQuote;

/** The {@code payment} table. Runs inside the caller's transaction (the engine's, when called from a delegate). */
@Repository
public class PaymentRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<FeeQuote.Item>> ITEMS = new TypeReference<>() {};
    private static final String COLUMNS = """
            id, reference, dossier_id, dossier_code, agency_code, amount, currency, items, legal_basis, status,
            requested_at, expires_at, method, gateway, gateway_transaction_no, recorded_by, paid_at, confirmed_at,
            receipt_year, receipt_number, closed_at, close_reason""";
    private static final RowMapper<Payment> PAYMENT = PaymentRepository::map;

    private final JdbcTemplate jdbc;

    public PaymentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Payment insert(
            String reference,
            long dossierId,
            String dossierCode,
            String agencyCode,
            FeeQuote quote,
            Instant requestedAt,
            Instant expiresAt) {
        return jdbc.queryForObject(
                """
                insert into payment (reference, dossier_id, dossier_code, agency_code, amount, currency, items,
                    legal_basis, status, requested_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?)
                returning\s""" + COLUMNS,
                PAYMENT,
                reference,
                dossierId,
                dossierCode,
                agencyCode,
                quote.amount(),
                quote.currency(),
                json(quote.items()),
                quote.legalBasis(),
                Timestamp.from(requestedAt),
                Timestamp.from(expiresAt));
    }

    public Optional<Payment> findByReference(String reference) {
        return jdbc.query("select " + COLUMNS + " from payment where reference = ?", PAYMENT, reference).stream()
                .findFirst();
    }

    Optional<Payment> findByReferenceForUpdate(String reference) {
        return jdbc
                .query("select " + COLUMNS + " from payment where reference = ? for update", PAYMENT, reference)
                .stream()
                .findFirst();
    }

    /** A dossier's payments, oldest first. */
    public List<Payment> ofDossier(long dossierId) {
        return jdbc.query("select " + COLUMNS + " from payment where dossier_id = ? order by id", PAYMENT, dossierId);
    }

    /** The dossier's payments by dossier code, oldest first. */
    public List<Payment> ofDossier(String dossierCode) {
        return jdbc.query(
                "select " + COLUMNS + " from payment where dossier_code = ? order by id", PAYMENT, dossierCode);
    }

    /** Takes the next receipt number of an agency's year; the row lock serialises concurrent payments. */
    int nextReceiptNumber(String agencyCode, int year) {
        return jdbc.queryForObject("""
                insert into payment_receipt_sequence (agency_code, receipt_year, last_value) values (?, ?, 1)
                on conflict (agency_code, receipt_year)
                do update set last_value = payment_receipt_sequence.last_value + 1
                returning last_value""", Integer.class, agencyCode, year);
    }

    Payment markPaid(
            long id,
            PaymentMethod method,
            String gateway,
            String gatewayTransactionNo,
            String recordedBy,
            Instant paidAt,
            Instant confirmedAt,
            int receiptYear,
            int receiptNumber) {
        return jdbc.queryForObject(
                """
                update payment set status = 'PAID', method = ?, gateway = ?, gateway_transaction_no = ?,
                    recorded_by = ?, paid_at = ?, confirmed_at = ?, receipt_year = ?, receipt_number = ?
                where id = ? and status = 'REQUESTED'
                returning\s""" + COLUMNS,
                PAYMENT,
                method.name(),
                gateway,
                gatewayTransactionNo,
                recordedBy,
                Timestamp.from(paidAt),
                Timestamp.from(confirmedAt),
                receiptYear,
                receiptNumber,
                id);
    }

    /** Moves a payment from one status to another with the reason; false when it was not in {@code from}. */
    boolean close(long id, PaymentStatus from, PaymentStatus to, String reason, Instant at) {
        return jdbc.update(
                        "update payment set status = ?, closed_at = ?, close_reason = ? where id = ? and status = ?",
                        to.name(),
                        Timestamp.from(at),
                        reason,
                        id,
                        from.name())
                == 1;
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        String method = rs.getString("method");
        return new Payment(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getLong("dossier_id"),
                rs.getString("dossier_code"),
                rs.getString("agency_code"),
                rs.getLong("amount"),
                rs.getString("currency"),
                items(rs.getString("items")),
                rs.getString("legal_basis"),
                PaymentStatus.valueOf(rs.getString("status")),
                instant(rs, "requested_at"),
                instant(rs, "expires_at"),
                method == null ? null : PaymentMethod.valueOf(method),
                rs.getString("gateway"),
                rs.getString("gateway_transaction_no"),
                rs.getString("recorded_by"),
                instant(rs, "paid_at"),
                instant(rs, "confirmed_at"),
                rs.getObject("receipt_year", Integer.class),
                rs.getObject("receipt_number", Integer.class),
                instant(rs, "closed_at"),
                rs.getString("close_reason"));
    }

    private static List<FeeQuote.Item> items(String json) {
        try {
            return JSON.readValue(json, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable payment items: " + json, e);
        }
    }

    private static String json(List<FeeQuote.Item> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
