package vn.motcua.app.gateway;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The log of every gateway callback, accepted or refused (table {@code payment_gateway_callback}, V9). Written in its
 * own statement, so a refused or failed callback is logged even when nothing else is.
 */
@Repository
public class GatewayCallbacks {

    private final JdbcTemplate jdbc;

    GatewayCallbacks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(GatewayCallback c) {
        jdbc.update(
                """
                insert into payment_gateway_callback (received_at, gateway, kind, payment_reference, amount,
                    gateway_transaction, gateway_code, verdict, answer_code, remote_address, parameters)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(c.receivedAt()),
                c.gateway(),
                c.kind(),
                cut(c.reference(), 100),
                c.amount(),
                cut(c.gatewayTransaction(), 100),
                cut(c.gatewayCode(), 16),
                c.verdict().name(),
                cut(c.answerCode(), 16),
                cut(c.remoteAddress(), 64),
                cut(c.parameters(), 4000));
    }

    /** The callbacks naming a reference, oldest first. */
    public List<GatewayCallback> forReference(String reference) {
        return jdbc.query(
                """
                select received_at, gateway, kind, payment_reference, amount, gateway_transaction, gateway_code,
                       verdict, answer_code, remote_address, parameters
                from payment_gateway_callback where payment_reference = ? order by id""",
                (rs, i) -> new GatewayCallback(
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("gateway"),
                        rs.getString("kind"),
                        rs.getString("payment_reference"),
                        rs.getObject("amount", Long.class),
                        rs.getString("gateway_transaction"),
                        rs.getString("gateway_code"),
                        CallbackVerdict.valueOf(rs.getString("verdict")),
                        rs.getString("answer_code"),
                        rs.getString("remote_address"),
                        rs.getString("parameters")),
                reference);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
