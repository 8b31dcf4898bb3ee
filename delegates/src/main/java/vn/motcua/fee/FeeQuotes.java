package vn.motcua.fee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.InvalidSubmissionException;
import vn.motcua.dossier.SubmissionCheck;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ProcedureCatalog.DeployedProcedure;

/**
 * Quotes a procedure's fee from its fee table: the DMN decision {@code <key>-fee} of the procedure's latest deployed
 * version, evaluated by the engine on the start form's data (checked as a submission's is), the province's fee
 * parameters ({@link FeeProperties#parameters()}) and {@code quoteDate}, today's date by the engine clock
 * ({@code YYYY-MM-DD}). Every rule that matches gives one item: its outputs {@code itemName}, {@code amount} (whole
 * đồng) and {@code legalBasis}. A procedure without a fee table costs nothing.
 */
@Service
public class FeeQuotes {

    /** The decision a procedure's fee table declares: {@code <key>-fee}, in {@code <key>-fee.dmn}. */
    public static String decisionKey(String procedureKey) {
        return procedureKey + "-fee";
    }

    private final ProcedureCatalog catalog;
    private final SubmissionCheck submissionCheck;
    private final RepositoryService repositoryService;
    private final DecisionService decisionService;
    private final FeeProperties properties;
    private final Clock clock;
    /** The fee decision's definition id by deployment (empty: no fee table); a deployment never changes. */
    private final Map<String, Optional<String>> decisionsByDeployment = new ConcurrentHashMap<>();

    public FeeQuotes(
            ProcedureCatalog catalog,
            SubmissionCheck submissionCheck,
            RepositoryService repositoryService,
            DecisionService decisionService,
            FeeProperties properties,
            Clock clock) {
        this.catalog = catalog;
        this.submissionCheck = submissionCheck;
        this.repositoryService = repositoryService;
        this.decisionService = decisionService;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param data the start form's fields, as in a submission's data
     * @throws UnknownProcedureException for a key the engine does not know
     * @throws InvalidFeeDataException   for data the start form refuses
     */
    public FeeQuote quote(String procedureKey, Map<String, Object> data) {
        DeployedProcedure procedure =
                catalog.latest(procedureKey).orElseThrow(() -> new UnknownProcedureException(procedureKey));
        Map<String, Object> formVariables;
        try {
            formVariables = submissionCheck.checkStartFormData(procedure, data);
        } catch (InvalidSubmissionException e) {
            throw new InvalidFeeDataException(e.problems());
        }
        return quote(procedureKey, procedure.deploymentId(), formVariables);
    }

    /**
     * Quotes the fee of a running dossier from the fee table of its own procedure version (the payment step's
     * delegate): the deployment's decision, on the process variables as they are (the start form's data, checked
     * when the dossier was submitted). The decision is looked up once per deployment.
     *
     * @param deploymentId the deployment of the dossier's process definition
     * @param variables    the start form's data, typed as the form gave it
     */
    public FeeQuote quote(String procedureKey, String deploymentId, Map<String, Object> variables) {
        Optional<String> decision = decisionsByDeployment.computeIfAbsent(
                deploymentId, deployment -> feeDecision(deployment, procedureKey));
        if (decision.isEmpty()) {
            return new FeeQuote(0, FeeQuote.VND, List.of(), null);
        }
        Map<String, Object> inputs = new HashMap<>(properties.parameters());
        inputs.putAll(variables);
        return evaluate(procedureKey, decision.get(), inputs);
    }

    private FeeQuote evaluate(String procedureKey, String decisionId, Map<String, Object> variables) {
        variables.put("quoteDate", LocalDate.now(clock).toString());
        DmnDecisionResult result = decisionService
                .evaluateDecisionById(decisionId)
                .variables(variables)
                .evaluate();
        List<FeeQuote.Item> items = new ArrayList<>();
        Set<String> legalBases = new LinkedHashSet<>();
        long total = 0;
        for (DmnDecisionResultEntries rule : result) {
            String name = rule.getEntry("itemName");
            Number amount = rule.getEntry("amount");
            if (name == null || amount == null) {
                throw new IllegalStateException("The fee table " + decisionKey(procedureKey)
                        + " has a rule without itemName or amount: " + rule);
            }
            items.add(new FeeQuote.Item(name, amount.longValue()));
            total = Math.addExact(total, amount.longValue());
            String legalBasis = rule.getEntry("legalBasis");
            if (legalBasis != null && !legalBasis.isBlank()) {
                legalBases.add(legalBasis);
            }
        }
        return new FeeQuote(total, FeeQuote.VND, items, legalBases.isEmpty() ? null : String.join("; ", legalBases));
    }

    private Optional<String> feeDecision(String deploymentId, String procedureKey) {
        return Optional.ofNullable(repositoryService
                        .createDecisionDefinitionQuery()
                        .deploymentId(deploymentId)
                        .decisionDefinitionKey(decisionKey(procedureKey))
                        .singleResult())
                .map(DecisionDefinition::getId);
    }
}
