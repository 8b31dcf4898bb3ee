package vn.motcua.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierLifecycle;
import vn.motcua.dossier.DossierLifecycle.StatusChange;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.CurrentActor;
import vn.motcua.engine.DelegateInputs;
import vn.motcua.fee.FeeQuote;
import vn.motcua.fee.FeeQuotes;

/**
 * "Yêu cầu nộp phí, lệ phí": evaluates the procedure's fee table ({@code <key>-fee.dmn} of the dossier's own
 * version, through {@link FeeQuotes}) on the start form's data; when something is due, opens a payment request
 * ({@link Payments#request}) and moves the dossier to status 6 with the request (reference, amount, items, expiry)
 * on its timeline and in the citizen's notification. Used as {@code ${requestPayment}} (element template
 * {@code request-payment.json}). Outputs, as process variables:
 * <ul>
 *   <li>{@value #VAR_PAYMENT_DUE} (Boolean): whether the process must wait for the payment message;</li>
 *   <li>{@value #VAR_PAYMENT_REFERENCE}, {@value #VAR_PAYMENT_AMOUNT} (Long, đồng): the request;</li>
 *   <li>{@value #VAR_PAYMENT_EXPIRES_AT}, {@value #VAR_PAYMENT_REMINDER_AT} (Date): the expiry and reminder
 *       timers' {@code timeDate}.</li>
 * </ul>
 * Optional input parameter {@value #IN_EXPIRY}: an ISO-8601 duration replacing {@code motcua.payments.expiry} for
 * this step (e.g. {@code PT2H} for a fee paid at the counter).
 */
@Component("requestPayment")
public class RequestPaymentDelegate implements JavaDelegate {

    public static final String VAR_PAYMENT_DUE = "paymentDue";
    public static final String VAR_PAYMENT_REFERENCE = "paymentReference";
    public static final String VAR_PAYMENT_AMOUNT = "paymentAmount";
    public static final String VAR_PAYMENT_EXPIRES_AT = "paymentExpiresAt";
    public static final String VAR_PAYMENT_REMINDER_AT = "paymentReminderAt";
    public static final String IN_EXPIRY = "expiry";
    /** The internal step of a dossier waiting for its fee. */
    public static final String STEP = "payment-requested";

    private final FeeQuotes fees;
    private final Payments payments;
    private final DossierRepository dossiers;
    private final DossierLifecycle lifecycle;
    private final RepositoryService repositoryService;
    private final CurrentActor actor;
    private final PaymentProperties properties;
    private final Clock clock;

    public RequestPaymentDelegate(
            FeeQuotes fees,
            Payments payments,
            DossierRepository dossiers,
            DossierLifecycle lifecycle,
            RepositoryService repositoryService,
            CurrentActor actor,
            PaymentProperties properties,
            Clock clock) {
        this.fees = fees;
        this.payments = payments;
        this.dossiers = dossiers;
        this.lifecycle = lifecycle;
        this.repositoryService = repositoryService;
        this.actor = actor;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        Dossier dossier = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        String deploymentId = repositoryService
                .getProcessDefinition(execution.getProcessDefinitionId())
                .getDeploymentId();
        FeeQuote quote = fees.quote(dossier.procedureKey(), deploymentId, new HashMap<>(execution.getVariables()));
        if (quote.amount() <= 0) {
            execution.setVariable(VAR_PAYMENT_DUE, false);
            return;
        }
        Duration expiry = expiry(execution);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(expiry);
        Payment payment = payments.request(dossier, quote, expiresAt);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PAYMENT_DUE, true);
        variables.put(VAR_PAYMENT_REFERENCE, payment.reference());
        variables.put(VAR_PAYMENT_AMOUNT, payment.amount());
        variables.put(VAR_PAYMENT_EXPIRES_AT, Date.from(expiresAt));
        variables.put(VAR_PAYMENT_REMINDER_AT, Date.from(reminderAt(now, expiry, properties.reminderBefore())));
        execution.setVariables(variables);
        lifecycle.changeStatus(
                code,
                new StatusChange(
                        PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                        STEP,
                        Payments.requestedMessage(payment),
                        "payment " + payment.reference(),
                        actor.userId()));
    }

    private Duration expiry(DelegateExecution execution) {
        String value = DelegateInputs.optional(execution, IN_EXPIRY);
        if (value == null || value.isBlank()) {
            return properties.expiry();
        }
        Duration expiry = Duration.parse(value.strip());
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalStateException(
                    "Activity " + execution.getCurrentActivityId() + ": the expiry " + value + " must be positive");
        }
        return expiry;
    }

    /** The reminder goes {@code before} the expiry; when that is not after the request, half way to the expiry. */
    static Instant reminderAt(Instant requestedAt, Duration expiry, Duration before) {
        return before.compareTo(expiry) < 0
                ? requestedAt.plus(expiry).minus(before)
                : requestedAt.plus(expiry.dividedBy(2));
    }
}
