package vn.motcua.app.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.app.web.SubmissionRequest.ResultDelivery;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.procedure.ProcedureDescriptor;
import vn.motcua.procedure.ServiceLevel;

/**
 * The citizen's choice of how to receive the result (table {@code dossier_result_delivery}, V13): at the desk, by
 * post to an address, or electronically where the procedure is full-online. The desk intake ({@code vn.motcua.app.clerk})
 * stores the applicant's choice the same way.
 */
@Component
public class ResultDeliveries {

    static final String FIELD = "resultDelivery";
    static final int MAX_ADDRESS = 500;
    private static final Set<String> METHODS = Set.of(ResultDelivery.DESK, ResultDelivery.POST, ResultDelivery.ONLINE);

    private final JdbcTemplate jdbc;

    ResultDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What is wrong with the choice for this procedure; nothing when it was left out (the desk). */
    public static List<FieldProblem> problems(ProcedureDescriptor procedure, ResultDelivery delivery) {
        List<FieldProblem> problems = new ArrayList<>();
        if (delivery == null) {
            return problems;
        }
        if (delivery.method() == null || !METHODS.contains(delivery.method())) {
            problems.add(new FieldProblem(FIELD + ".method", "must be DESK, POST or ONLINE"));
            return problems;
        }
        String address = delivery.address() == null ? "" : delivery.address().strip();
        if (delivery.method().equals(ResultDelivery.POST) && address.isEmpty()) {
            problems.add(new FieldProblem(FIELD + ".address", "is required for delivery by post"));
        }
        if (address.length() > MAX_ADDRESS) {
            problems.add(new FieldProblem(FIELD + ".address", "must have at most " + MAX_ADDRESS + " characters"));
        }
        if (delivery.method().equals(ResultDelivery.ONLINE) && procedure.serviceLevel() != ServiceLevel.FULL_ONLINE) {
            problems.add(new FieldProblem(
                    FIELD + ".method", "this procedure's result is not returned electronically (not full-online)"));
        }
        return problems;
    }

    public void record(long dossierId, ResultDelivery delivery) {
        if (delivery == null) {
            return;
        }
        String address = delivery.method().equals(ResultDelivery.POST)
                ? delivery.address().strip()
                : null;
        jdbc.update(
                "insert into dossier_result_delivery (dossier_id, method, address) values (?, ?, ?)",
                dossierId,
                delivery.method(),
                address);
    }

    public Optional<ResultDelivery> of(long dossierId) {
        return jdbc
                .query(
                        "select method, address from dossier_result_delivery where dossier_id = ?",
                        (rs, n) -> new ResultDelivery(rs.getString("method"), rs.getString("address")),
                        dossierId)
                .stream()
                .findFirst();
    }
}
