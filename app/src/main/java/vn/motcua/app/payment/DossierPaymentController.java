package vn.motcua.app.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.agency.AgencySide;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.security.DossierAccess;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.CurrentActor;
import vn.motcua.payment.Confirmation;
import vn.motcua.payment.DeskPayment;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentReceipt;
import vn.motcua.payment.PaymentRepository;
import vn.motcua.payment.Payments;

/** A dossier's payments for its staff: the fee taken at the counter, the list, the receipts. */
@RestController
@RequestMapping("/api/dossiers/{code}/payments")
@Tag(name = "Dossier payments", description = "Thu phí, lệ phí tại Bộ phận Một cửa; biên lai")
class DossierPaymentController {

    /** Who may read a dossier's payments: its desks and the competent agency's staff. */
    /** Who takes a fee at the counter: a desk clerk of the receiving agency ({@link PaymentSection} offers the form). */
    static final Map<AgencySide, Set<StaffRole>> DESK = Map.of(AgencySide.RECEIVING, Set.of(StaffRole.DESK_CLERK));

    /** Who reads a dossier's payments and receipts. */
    static final Map<AgencySide, Set<StaffRole>> READERS = Map.of(
            AgencySide.RECEIVING,
            Set.of(StaffRole.DESK_CLERK),
            AgencySide.RETURN,
            Set.of(StaffRole.DESK_CLERK),
            AgencySide.COMPETENT,
            Set.of(StaffRole.SPECIALIST, StaffRole.LEADER));

    private final Payments payments;
    private final PaymentRepository ledger;
    private final PaymentReceipt receipts;
    private final DossierAccess access;
    private final CurrentActor actor;

    DossierPaymentController(
            Payments payments,
            PaymentRepository ledger,
            PaymentReceipt receipts,
            DossierAccess access,
            CurrentActor actor) {
        this.payments = payments;
        this.ledger = ledger;
        this.receipts = receipts;
        this.access = access;
        this.actor = actor;
    }

    @PostMapping("/desk")
    @Operation(
            summary = "Record a fee paid at the counter",
            description = "A desk clerk of the dossier's receiving agency, which collects its fees (403 otherwise). "
                    + "The amount must equal the open payment request's (400 payment-amount-mismatch, naming the "
                    + "field and the expected amount); 409 no-payment-due when nothing was asked, 409 "
                    + "payment-not-payable when the request expired or was cancelled. A retry of a recorded payment "
                    + "answers 200 with outcome ALREADY_CONFIRMED and changes nothing. The dossier moves on and the "
                    + "receipt is numbered.")
    PaymentView recordAtDesk(
            @PathVariable String code, @Valid @RequestBody DeskPaymentRequest request, Principal clerk) {
        access.require(clerk, code, DESK);
        Confirmation confirmation = actor.as(
                clerk.getName(),
                () -> payments.recordAtDesk(
                        code, new DeskPayment(request.amount(), request.method().method, clerk.getName())));
        if (!confirmation.outcome().paid()) {
            throw new DeskPaymentRefusedException(code, confirmation);
        }
        return PaymentView.of(confirmation.payment(), confirmation.outcome());
    }

    @GetMapping
    @Operation(
            summary = "A dossier's payments",
            description = "Its desk clerks and the competent agency's staff (403 otherwise); oldest first.")
    List<PaymentView> list(@PathVariable String code, Principal staff) {
        Dossier dossier = access.require(staff, code, READERS);
        return ledger.ofDossier(dossier.id()).stream()
                .map(p -> PaymentView.of(p, null))
                .toList();
    }

    @GetMapping("/{reference}/receipt")
    @Operation(
            summary = "Download a payment's receipt (PDF)",
            description = "As the list; 404 for a payment of another dossier or one not paid.")
    ResponseEntity<byte[]> receipt(@PathVariable String code, @PathVariable String reference, Principal staff) {
        access.require(staff, code, READERS);
        return pdf(code, reference, receipts, ledger);
    }

    /** The receipt as a download; shared with the citizen's endpoint. */
    static ResponseEntity<byte[]> pdf(
            String code, String reference, PaymentReceipt receipts, PaymentRepository ledger) {
        byte[] pdf = receipts.render(code, reference).orElseThrow(() -> new UnknownDossierException(code));
        Payment payment = ledger.findByReference(reference).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(PaymentReceipt.fileName(payment), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    /** How the citizen paid at the counter. */
    enum DeskMethod {
        CASH(PaymentMethod.DESK_CASH),
        CARD(PaymentMethod.DESK_CARD);

        final PaymentMethod method;

        DeskMethod(PaymentMethod method) {
            this.method = method;
        }
    }

    record DeskPaymentRequest(
            @NotNull @Positive Long amount, @NotNull DeskMethod method) {}
}
