package vn.motcua.dossier;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.motcua.engine.CurrentActor;
import vn.motcua.procedure.ProcedureCatalog;

/**
 * "Ghi nhận số hóa hồ sơ": an {@code end} execution listener on the receipt task
 * ({@code camunda:executionListener event="end" delegateExpression="${recordScannedDocuments}"}). Records the
 * paper documents the receiving clerk ticked as scanned and attached (the form's checkbox per document,
 * {@code scanned_<code>}, or the list {@value Digitisation#VAR_SCANNED_DOCUMENTS}); none ticked, nothing recorded. A code that is not the procedure's
 * or has no attached file throws {@link InvalidSubmissionException}: the clerk's task completion is rolled back
 * and the clerk sees why.
 */
@Component("recordScannedDocuments")
public class ScannedDocumentsListener implements ExecutionListener {

    private final Digitisation digitisation;
    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final CurrentActor actor;
    private final Clock clock;

    public ScannedDocumentsListener(
            Digitisation digitisation,
            DossierRepository dossiers,
            ProcedureCatalog catalog,
            CurrentActor actor,
            Clock clock) {
        this.digitisation = digitisation;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        Dossier dossier = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        var procedure = catalog.version(dossier.procedureKey(), dossier.procedureVersion())
                .orElseThrow()
                .descriptor();
        var scanned = Digitisation.scanned(procedure, execution.getVariables());
        if (!scanned.isEmpty()) {
            digitisation.recordReceipt(dossier.id(), procedure, scanned, actor.userId(), clock.instant());
        }
    }
}
