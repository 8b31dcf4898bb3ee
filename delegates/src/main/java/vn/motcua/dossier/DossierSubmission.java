package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ProcedureCatalog.DeployedProcedure;

/**
 * Takes a new dossier in: gives it its national code, records it, and starts its procedure's
 * latest version with the code as business key, all in one transaction.
 */
@Service
public class DossierSubmission {

    /** Process variable holding the dossier code, for expressions in BPMN (it is also the business key). */
    public static final String VAR_DOSSIER_CODE = "dossierCode";

    private final ProcedureCatalog catalog;
    private final DossierRepository dossiers;
    private final DossierCodes codes;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public DossierSubmission(ProcedureCatalog catalog, DossierRepository dossiers, DossierCodes codes,
                             RuntimeService runtimeService, PlatformTransactionManager transactionManager,
                             Clock clock) {
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.codes = codes;
        this.runtimeService = runtimeService;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * @throws UnknownProcedureException when no procedure has this key
     * @throws UnknownAgencyException    when the receiving agency is not known
     */
    public Dossier submit(NewDossier request) {
        return transaction.execute(status -> {
            DeployedProcedure procedure = catalog.latest(request.procedureKey())
                    .orElseThrow(() -> new UnknownProcedureException(request.procedureKey()));
            if (!dossiers.agencyExists(request.receivingAgencyCode())) {
                throw new UnknownAgencyException(request.receivingAgencyCode());
            }
            Instant now = clock.instant();
            LocalDate receiptDay = now.atZone(clock.getZone()).toLocalDate();
            String code = codes.next(request.receivingAgencyCode(), receiptDay);
            Dossier draft = new Dossier(0, code, procedure.key(), procedure.version(), null, request.applicant(),
                    request.receivingAgencyCode(), request.receivingAgencyCode(), request.channel(),
                    procedure.descriptor().serviceLevel(), PublicStatus.NEW, "submitted",
                    now, null, null, null, null);
            long id = dossiers.insert(draft, now);
            dossiers.appendEvent(id, new DossierEvent(now, request.actor(), PublicStatus.NEW, "submitted",
                    submittedMessage(request.channel()), null));

            Map<String, Object> variables = new HashMap<>(request.variables());
            variables.put(VAR_DOSSIER_CODE, code);
            String processInstanceId = runtimeService
                    .startProcessInstanceById(procedure.processDefinitionId(), code, variables)
                    .getProcessInstanceId();
            dossiers.linkProcessInstance(id, processInstanceId);
            return dossiers.findByCode(code).orElseThrow();
        });
    }

    private static String submittedMessage(Channel channel) {
        return switch (channel) {
            case ONLINE -> "Hồ sơ đã được nộp trực tuyến.";
            case DESK -> "Hồ sơ đã được nộp tại Bộ phận Một cửa.";
            case POST -> "Hồ sơ đã được nhận qua dịch vụ bưu chính.";
        };
    }

    /**
     * A dossier to take in.
     *
     * @param variables the start form's fields, as process variables (strings, numbers, booleans, dates)
     * @param actor     the user who submitted it: the clerk at the desk, or {@code citizen} online
     */
    public record NewDossier(String procedureKey, Applicant applicant, String receivingAgencyCode, Channel channel,
                             Map<String, Object> variables, String actor) {

        public NewDossier {
            variables = variables == null ? Map.of() : Map.copyOf(variables);
        }
    }
}
