package vn.motcua.payment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierChanges;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.EngineClock;
import vn.motcua.fee.FeeQuote;
import vn.motcua.payment.Confirmation.Outcome;

/**
 * The payment ledger: the payment requests a dossier's process makes and their payment, online or at the desk.
 *
 * <h2>The API a payment gateway's adapter uses</h2>
 * <ul>
 *   <li>{@link #find(String)}: the request behind a reference (amount, dossier code, expiry, status), to build the
 *       gateway's payment URL or to answer a query;</li>
 *   <li>{@link #confirmOnline(OnlinePayment)}: the gateway's verified notice that the request was paid. Idempotent:
 *       it answers an {@link Outcome} the adapter maps to its protocol's codes, and only {@link Outcome#CONFIRMED}
 *       changes anything. In one transaction it marks the request paid, numbers its receipt (per collecting agency
 *       and year, gap-free), writes the payment on the dossier's timeline, re-indexes the dossier, and correlates the
 *       BPMN message {@value #MESSAGE_PAYMENT_RECEIVED} (business key = dossier code) the waiting process catches,
 *       so the dossier moves on. If any of it fails, none of it happened.</li>
 * </ul>
 * The checks, in this order: an unknown reference → {@link Outcome#UNKNOWN_REFERENCE}; an amount other than the
 * request's → {@link Outcome#AMOUNT_MISMATCH}; a request already paid (or paid and refunded) →
 * {@link Outcome#ALREADY_CONFIRMED}; an expired or cancelled request, or a payment made after the expiry →
 * {@link Outcome#NOT_PAYABLE}. The reference is random (80 bits), never the dossier code.
 *
 * <p>{@link #recordAtDesk} is the same confirmation for a clerk who takes cash or a card at the counter. The engine's
 * side ({@link #request}, {@link #expire}) is used by the payment step's delegates; cancellation and refunds follow
 * the dossier's status ({@link PaymentRefunds}).
 */
@Service
public class Payments {

    /** The BPMN message the payment step's receive task waits for. */
    public static final String MESSAGE_PAYMENT_RECEIVED = "PaymentReceived";
    /** Process variable set with the message: how it was paid ({@link PaymentMethod} name). */
    public static final String VAR_PAYMENT_METHOD = "paymentMethod";

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PaymentRepository payments;
    private final DossierRepository dossiers;
    private final DossierChanges changes;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Payments(
            PaymentRepository payments,
            DossierRepository dossiers,
            DossierChanges changes,
            RuntimeService runtimeService,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.payments = payments;
        this.dossiers = dossiers;
        this.changes = changes;
        this.runtimeService = runtimeService;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The payment request with this reference, in whatever status. */
    public Optional<Payment> find(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return payments.findByReference(reference.strip());
    }

    /** The open (payable or not yet expired by its timer) request of a dossier, if any. */
    public Optional<Payment> openRequest(String dossierCode) {
        return payments.ofDossier(dossierCode).stream()
                .filter(p -> p.status() == PaymentStatus.REQUESTED)
                .findFirst();
    }

    /** Confirms an online payment from a gateway's verified notice; see the class comment for the outcomes. */
    public Confirmation confirmOnline(OnlinePayment notice) {
        return confirm(
                notice.reference(),
                notice.amount(),
                notice.paidAt(),
                new Paid(
                        PaymentMethod.ONLINE,
                        notice.gateway(),
                        notice.gatewayTransactionNo(),
                        null,
                        "gateway:" + notice.gateway()));
    }

    /**
     * Records a payment taken at the desk against the dossier's open request, as {@link #confirmOnline} does (same
     * outcomes; a retry of a recorded one answers {@link Outcome#ALREADY_CONFIRMED}).
     *
     * @throws UnknownDossierException when no dossier has this code
     */
    public Confirmation recordAtDesk(String dossierCode, DeskPayment payment) {
        Dossier dossier = dossiers.findByCode(dossierCode).orElseThrow(() -> new UnknownDossierException(dossierCode));
        Optional<Payment> request = payments.ofDossier(dossier.id()).stream()
                .filter(p -> p.status() == PaymentStatus.REQUESTED)
                .findFirst()
                .or(() -> payments.ofDossier(dossier.id()).stream().reduce((first, second) -> second));
        if (request.isEmpty()) {
            return new Confirmation(Outcome.UNKNOWN_REFERENCE, null);
        }
        return confirm(
                request.get().reference(),
                payment.amount(),
                clock.instant(),
                new Paid(payment.method(), null, null, payment.recordedBy(), payment.recordedBy()));
    }

    private record Paid(
            PaymentMethod method, String gateway, String gatewayTransactionNo, String recordedBy, String actor) {}

    private Confirmation confirm(String reference, long amount, Instant paidAt, Paid paid) {
        Optional<Payment> found = find(reference);
        if (found.isEmpty()) {
            log.warn("Payment notice for unknown reference {} ({}) refused", reference, paid.actor());
            return new Confirmation(Outcome.UNKNOWN_REFERENCE, null);
        }
        return transaction.execute(status -> {
            // The dossier first, then the payment: the order every status change locks them in.
            dossiers.findByCodeForUpdate(found.get().dossierCode()).orElseThrow();
            Payment payment =
                    payments.findByReferenceForUpdate(found.get().reference()).orElseThrow();
            if (amount != payment.amount()) {
                log.warn(
                        "Payment {} of dossier {}: {} reports {} đ, {} đ are due; refused",
                        payment.reference(),
                        payment.dossierCode(),
                        paid.actor(),
                        amount,
                        payment.amount());
                return new Confirmation(Outcome.AMOUNT_MISMATCH, payment);
            }
            if (payment.status() == PaymentStatus.PAID || payment.status() == PaymentStatus.REFUNDED) {
                if (paid.gatewayTransactionNo() != null
                        && !paid.gatewayTransactionNo().equals(payment.gatewayTransactionNo())) {
                    log.warn(
                            "Payment {} of dossier {} was already paid ({} {}); {} reports another payment {}",
                            payment.reference(),
                            payment.dossierCode(),
                            payment.method(),
                            payment.gatewayTransactionNo(),
                            paid.actor(),
                            paid.gatewayTransactionNo());
                }
                return new Confirmation(Outcome.ALREADY_CONFIRMED, payment);
            }
            if (!payment.payableAt(paidAt)) {
                log.warn(
                        "Payment {} of dossier {} is {} (expiry {}); {} reports payment at {}; refused",
                        payment.reference(),
                        payment.dossierCode(),
                        payment.status(),
                        payment.expiresAt(),
                        paid.actor(),
                        paidAt);
                return new Confirmation(Outcome.NOT_PAYABLE, payment);
            }
            Instant now = clock.instant();
            int year = paidAt.atZone(EngineClock.VIETNAM).getYear();
            int number = payments.nextReceiptNumber(payment.agencyCode(), year);
            Payment done = payments.markPaid(
                    payment.id(),
                    paid.method(),
                    paid.gateway(),
                    paid.gatewayTransactionNo(),
                    paid.recordedBy(),
                    paidAt,
                    now,
                    year,
                    number);
            Dossier dossier = dossiers.findByCode(done.dossierCode()).orElseThrow();
            dossiers.appendEvent(
                    dossier.id(),
                    new DossierEvent(
                            now,
                            paid.actor(),
                            dossier.publicStatus(),
                            "payment-received",
                            paidMessage(done),
                            "payment " + done.reference() + " " + done.method()
                                    + (done.gateway() == null
                                            ? ""
                                            : " " + done.gateway() + " " + done.gatewayTransactionNo())));
            changes.changed(done.dossierCode());
            runtimeService
                    .createMessageCorrelation(MESSAGE_PAYMENT_RECEIVED)
                    .processInstanceBusinessKey(done.dossierCode())
                    .setVariable(VAR_PAYMENT_METHOD, done.method().name())
                    .correlateWithResult();
            return new Confirmation(Outcome.CONFIRMED, done);
        });
    }

    static String paidMessage(Payment p) {
        String how =
                switch (p.method()) {
                    case ONLINE -> "trực tuyến";
                    case DESK_CASH -> "bằng tiền mặt tại Bộ phận Một cửa";
                    case DESK_CARD -> "bằng thẻ tại Bộ phận Một cửa";
                };
        return "Đã nhận thanh toán phí, lệ phí " + Dong.format(p.amount()) + " " + how + ". Biên lai số "
                + p.receiptNumberText() + ", ký hiệu " + p.receiptSeries() + ".";
    }

    /**
     * The engine's side: asks for a fee (in the caller's transaction, the engine's). The request is payable until
     * {@code expiresAt}; the caller moves the dossier to status 6 with {@link #requestedMessage}.
     */
    public Payment request(Dossier dossier, FeeQuote quote, Instant expiresAt) {
        if (quote.amount() <= 0) {
            throw new IllegalArgumentException("Nothing to pay for dossier " + dossier.code());
        }
        Instant now = clock.instant();
        Payment payment = payments.insert(
                newReference(), dossier.id(), dossier.code(), dossier.receivingAgencyCode(), quote, now, expiresAt);
        changes.changed(dossier.code());
        return payment;
    }

    /** The words of the payment request on the citizen's timeline and in the notification. */
    public static String requestedMessage(Payment p) {
        StringBuilder text = new StringBuilder("Đề nghị nộp phí, lệ phí ")
                .append(Dong.format(p.amount()))
                .append(" (");
        for (int i = 0; i < p.items().size(); i++) {
            FeeQuote.Item item = p.items().get(i);
            text.append(i == 0 ? "" : "; ").append(item.name()).append(": ").append(Dong.format(item.amount()));
        }
        return text.append("). Mã thanh toán: ")
                .append(p.reference())
                .append(". Hạn nộp: ")
                .append(DATE_TIME.format(p.expiresAt().atZone(EngineClock.VIETNAM)))
                .append(". Nộp trực tuyến trên trang tra cứu hồ sơ hoặc tại Bộ phận Một cửa.")
                .toString();
    }

    private static final java.time.format.DateTimeFormatter DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy", Locale.ROOT);

    /**
     * The engine's side: the request was not paid by its expiry. {@code false} when it is no longer open (paid
     * meanwhile: then the expiry timer lost the race and the caller must not stop the dossier).
     */
    public boolean expire(String reference, String reason) {
        Payment found = payments.findByReference(reference).orElseThrow();
        // The dossier first, then the payment, as confirm locks them.
        dossiers.findByCodeForUpdate(found.dossierCode()).orElseThrow();
        Payment payment = payments.findByReferenceForUpdate(reference).orElseThrow();
        boolean expired =
                payments.close(payment.id(), PaymentStatus.REQUESTED, PaymentStatus.EXPIRED, reason, clock.instant());
        if (expired) {
            changes.changed(payment.dossierCode());
        }
        return expired;
    }

    static String newReference() {
        char[] reference = new char[16];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(reference);
    }
}
