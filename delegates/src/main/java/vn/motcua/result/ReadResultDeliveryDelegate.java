package vn.motcua.result;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.UnknownDossierException;

/**
 * "Xác định hình thức trả kết quả": once the processing phase has ended (the result produced and signed), reads how
 * the citizen chose to receive it (table {@code dossier_result_delivery}, stored at submission or at the desk intake)
 * into the process variable {@value #VAR_RESULT_DELIVERY}, which the gateway after it reads
 * ({@code ${resultDelivery == 'ONLINE'}}): {@value #ONLINE} goes to the electronic return, anything else to the
 * desk's return task.
 *
 * <p>{@value #ONLINE} only when the dossier's result was issued as a signed electronic document
 * ({@code dossier.result_issued_electronically_at}, set by {@code ${signResult}}): a dossier whose result is not
 * signed is never returned electronically; it goes to the desk, whatever was chosen. No choice recorded means the
 * desk ({@value #DESK}), as before the choice existed.
 */
@Component("readResultDelivery")
public class ReadResultDeliveryDelegate implements JavaDelegate {

    /** The process variable the delivery gateway reads: DESK, POST or ONLINE. */
    public static final String VAR_RESULT_DELIVERY = "resultDelivery";

    /**
     * The internal step of the electronic return ({@code ServiceTask_ReturnResultOnline}, status 10): the citizen is
     * told the signed result is ready to download (notification template {@code result-returned-online}).
     */
    public static final String STEP_RETURNED_ONLINE = "result-returned-online";

    public static final String DESK = "DESK";
    public static final String POST = "POST";
    public static final String ONLINE = "ONLINE";

    private final DossierRepository dossiers;
    private final JdbcTemplate jdbc;

    public ReadResultDeliveryDelegate(DossierRepository dossiers, JdbcTemplate jdbc) {
        this.dossiers = dossiers;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        Dossier dossier = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        execution.setVariable(VAR_RESULT_DELIVERY, deliveryOf(dossier.id()));
    }

    /** How the dossier's result goes back: {@value #ONLINE} only for a chosen electronic delivery of a signed result. */
    String deliveryOf(long dossierId) {
        String chosen = jdbc
                .queryForList(
                        "select method from dossier_result_delivery where dossier_id = ?", String.class, dossierId)
                .stream()
                .findFirst()
                .orElse(DESK);
        if (ONLINE.equals(chosen)
                && dossiers.resultIssuedElectronicallyAt(dossierId).isEmpty()) {
            return DESK;
        }
        return chosen;
    }
}
