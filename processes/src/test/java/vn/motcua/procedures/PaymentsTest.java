package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static vn.motcua.procedures.ProcedureTestSupport.AWAIT_PAYMENT;
import static vn.motcua.procedures.ProcedureTestSupport.dossier;
import static vn.motcua.procedures.ProcedureTestSupport.events;
import static vn.motcua.procedures.ProcedureTestSupport.lastEvent;
import static vn.motcua.procedures.ProcedureTestSupport.payments;
import static vn.motcua.procedures.ProcedureTestSupport.requests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.document.QrCodes;
import vn.motcua.document.QrContent;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.engine.EngineClock;
import vn.motcua.payment.Confirmation;
import vn.motcua.payment.Confirmation.Outcome;
import vn.motcua.payment.DeskPayment;
import vn.motcua.payment.OnlinePayment;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentReceipt;
import vn.motcua.payment.PaymentRefunds;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.testing.PdfTools;
import vn.motcua.testing.ProcessTestPlatform;

/**
 * The payment ledger ({@link vn.motcua.payment.Payments}) as a gateway's callback handler and the desk use it, on
 * real PostgreSQL: idempotent confirmation, refusals that change nothing, gap-free receipt numbers under
 * concurrency, the receipt PDF, cancellation and refunds when the dossier ends without a result.
 */
class PaymentsTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    @BeforeAll
    static void deployProcedures() {
        ProcedureTestSupport.deployProcedures();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A business registration accepted at the desk, waiting for its 50.000 đ fee. */
    private static ProcessInstance awaitingPayment() {
        ProcessInstance instance =
                DangKyHoKinhDoanhProcessTest.LIFECYCLE.submit().get();
        complete(task(instance), DangKyHoKinhDoanhProcessTest.LIFECYCLE.accept());
        assertThat(instance).isWaitingAt(AWAIT_PAYMENT);
        return instance;
    }

    private static Payment request(ProcessInstance instance) {
        return payments().openRequest(instance.getBusinessKey()).orElseThrow();
    }

    private static OnlinePayment notice(Payment p, long amount, String transactionNo) {
        return new OnlinePayment(
                p.reference(), amount, "vnpay", transactionNo, Instant.now(new vn.motcua.engine.EngineClock()));
    }

    @Test
    void anOnlinePaymentIsConfirmedOnceAndARepeatedNoticeChangesNothing() {
        ProcessInstance instance = awaitingPayment();
        Payment request = request(instance);
        assertThat(payments().find(request.reference())).contains(request);

        Confirmation first = payments().confirmOnline(notice(request, 50_000, "14422574"));

        assertThat(first.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(first.payment().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(first.payment().method()).isEqualTo(PaymentMethod.ONLINE);
        assertThat(first.payment().gateway()).isEqualTo("vnpay");
        assertThat(first.payment().gatewayTransactionNo()).isEqualTo("14422574");
        assertThat(instance).isWaitingAt(DangKyHoKinhDoanhProcessTest.LIFECYCLE.firstProcessingTask());
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "paymentMethod"))
                .isEqualTo("ONLINE");
        DossierEvent paid = events(instance).stream()
                .filter(e -> "payment-received".equals(e.internalStep()))
                .findFirst()
                .orElseThrow();
        assertThat(paid.actor()).isEqualTo("gateway:vnpay");
        assertThat(paid.publicMessage())
                .isEqualTo("Đã nhận thanh toán phí, lệ phí 50.000 đ trực tuyến. Biên lai số "
                        + first.payment().receiptNumberText() + ", ký hiệu "
                        + first.payment().receiptSeries() + ".");
        int eventsAfterFirst = events(instance).size();

        Confirmation again = payments().confirmOnline(notice(request, 50_000, "14422574"));
        Confirmation another = payments().confirmOnline(notice(request, 50_000, "99999999"));

        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_CONFIRMED);
        assertThat(another.outcome()).isEqualTo(Outcome.ALREADY_CONFIRMED);
        assertThat(again.payment()).isEqualTo(first.payment());
        assertThat(payments().find(request.reference())).contains(first.payment());
        assertThat(events(instance)).hasSize(eventsAfterFirst);
    }

    @Test
    void anUnknownReferenceAWrongAmountAndAnExpiredRequestAreRefusedAndChangeNothing() {
        ProcessInstance instance = awaitingPayment();
        Payment request = request(instance);
        int eventsBefore = events(instance).size();

        assertThat(payments()
                        .confirmOnline(new OnlinePayment("NOSUCHREFERENCE1", 50_000, "vnpay", "1", Instant.now()))
                        .outcome())
                .isEqualTo(Outcome.UNKNOWN_REFERENCE);
        Confirmation lessPaid = payments().confirmOnline(notice(request, 5_000, "2"));
        assertThat(lessPaid.outcome()).isEqualTo(Outcome.AMOUNT_MISMATCH);
        assertThat(payments().confirmOnline(notice(request, 5_000_000, "3")).outcome())
                .isEqualTo(Outcome.AMOUNT_MISMATCH);
        assertThat(payments()
                        .confirmOnline(new OnlinePayment(
                                request.reference(),
                                50_000,
                                "vnpay",
                                "4",
                                request.expiresAt().plusSeconds(1)))
                        .outcome())
                .as("paid after the expiry, before the timer fired")
                .isEqualTo(Outcome.NOT_PAYABLE);

        assertThat(payments().find(request.reference())).contains(request);
        assertThat(instance).isWaitingAt(AWAIT_PAYMENT);
        assertThat(events(instance)).hasSize(eventsBefore);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.AWAITING_FINANCIAL_OBLIGATION);

        ClockUtil.setCurrentTime(Date.from(request.expiresAt().plusSeconds(1)));
        ManagementService management = ProcessTestPlatform.bean(ManagementService.class);
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("BoundaryEvent_PaymentExpired")
                .singleResult()
                .getId());
        Confirmation late = payments()
                .confirmOnline(new OnlinePayment(
                        request.reference(),
                        50_000,
                        "vnpay",
                        "5",
                        request.expiresAt().minusSeconds(60)));

        assertThat(late.outcome()).isEqualTo(Outcome.NOT_PAYABLE);
        assertThat(late.payment().status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.STOPPED);
    }

    @Test
    void aDeskPaymentRecordsTheClerkAndARetryIsSafe() {
        ProcessInstance instance = awaitingPayment();
        Payment request = request(instance);

        assertThat(payments()
                        .recordAtDesk(
                                instance.getBusinessKey(),
                                new DeskPayment(49_000, PaymentMethod.DESK_CARD, "tiepnhan01"))
                        .outcome())
                .isEqualTo(Outcome.AMOUNT_MISMATCH);
        Confirmation paid = payments()
                .recordAtDesk(
                        instance.getBusinessKey(), new DeskPayment(50_000, PaymentMethod.DESK_CARD, "tiepnhan01"));
        Confirmation retry = payments()
                .recordAtDesk(
                        instance.getBusinessKey(), new DeskPayment(50_000, PaymentMethod.DESK_CARD, "tiepnhan01"));

        assertThat(paid.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(paid.payment().recordedBy()).isEqualTo("tiepnhan01");
        assertThat(paid.payment().method()).isEqualTo(PaymentMethod.DESK_CARD);
        assertThat(paid.payment().paidAt()).isNotNull();
        assertThat(paid.payment().reference()).isEqualTo(request.reference());
        assertThat(retry.outcome()).isEqualTo(Outcome.ALREADY_CONFIRMED);
        assertThat(retry.payment()).isEqualTo(paid.payment());
        assertThat(events(instance))
                .filteredOn(e -> "payment-received".equals(e.internalStep()))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("tiepnhan01"));
    }

    @Test
    void receiptNumbersOfAnAgencyAndYearHaveNoGapAndNoDuplicateUnderConcurrentPayments() throws Exception {
        List<ProcessInstance> instances = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            instances.add(awaitingPayment());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Confirmation>> results = new ArrayList<>();
            for (ProcessInstance instance : instances) {
                Payment request = request(instance);
                Callable<Confirmation> pay =
                        () -> payments().confirmOnline(notice(request, 50_000, "T" + request.id()));
                results.add(pool.submit(pay));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Confirmation> result : results) {
                Confirmation c = result.get();
                assertThat(c.outcome()).isEqualTo(Outcome.CONFIRMED);
                numbers.add(c.payment().receiptNumber());
            }
            int first = numbers.stream().mapToInt(Integer::intValue).min().orElseThrow();
            assertThat(numbers).containsExactlyInAnyOrder(first, first + 1, first + 2, first + 3, first + 4, first + 5);
        } finally {
            pool.shutdownNow();
        }
        for (ProcessInstance instance : instances) {
            assertThat(instance).isWaitingAt(DangKyHoKinhDoanhProcessTest.LIFECYCLE.firstProcessingTask());
        }
    }

    @Test
    void theReceiptIsAPdfInVietnameseWithTheSeriesTheNumberTheItemsAndTheMethod() {
        ProcessInstance instance = awaitingPayment();
        Payment paid = ProcedureTestSupport.payAtDesk(instance);

        byte[] pdf = ProcessTestPlatform.bean(PaymentReceipt.class)
                .render(instance.getBusinessKey(), paid.reference())
                .orElseThrow();

        String text = PdfTools.text(pdf).replaceAll("\\s+", " "); // after qpdf --check
        LocalDateTime paidAt = LocalDateTime.ofInstant(paid.paidAt(), EngineClock.VIETNAM);
        assertThat(text)
                .contains("BIÊN LAI THU PHÍ, LỆ PHÍ")
                .contains("UBND XÃ THỬ NGHIỆM")
                .contains("Ký hiệu: " + paid.receiptSeries() + " Số: " + paid.receiptNumberText())
                .contains("Mã hồ sơ: " + instance.getBusinessKey())
                .contains("Mã thanh toán: " + paid.reference())
                .contains("Tổng cộng: 50.000 đ")
                .contains("Bằng chữ: Năm mươi nghìn đồng.")
                .contains("Tiền mặt tại Bộ phận Một cửa")
                .contains("Thời điểm nộp: " + paidAt.format(DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")))
                .contains("Người thu: clerk");
        // The QR code of Thông tư 01/2023 names the dossier, its procedure, the receipt and when it was issued.
        QrContent qr = QrCodes.read(pdf).flatMap(QrContent::parse).orElseThrow();
        assertThat(qr.dossierCode()).isEqualTo(instance.getBusinessKey());
        assertThat(qr.documentName()).isEqualTo("Biên lai thu phí, lệ phí");
        assertThat(qr.procedureCode()).isNotBlank();
        assertThat(qr.issuedAt())
                .isEqualTo(LocalDateTime.ofInstant(paid.confirmedAt(), EngineClock.VIETNAM)
                        .truncatedTo(ChronoUnit.SECONDS));
        assertThat(PdfTools.pdfA(pdf).part()).isEqualTo(2);
        assertThat(paid.receiptSeries()).isEqualTo(ProcessTestPlatform.TEST_AGENCY + "-" + paid.receiptYear());
        assertThat(ProcessTestPlatform.bean(PaymentReceipt.class).render("000.00.99.H99-000000-0000", paid.reference()))
                .as("not another dossier's")
                .isEmpty();
    }

    @Test
    void anUnpaidRequestIsCancelledWhenTheCitizenWithdraws() {
        ProcessInstance instance = awaitingPayment();
        Payment request = request(instance);

        requests().withdraw(instance.getBusinessKey(), "Không còn nhu cầu");

        assertThat(instance).isEnded();
        Payment cancelled = payments().find(request.reference()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payments().confirmOnline(notice(request, 50_000, "6")).outcome())
                .isEqualTo(Outcome.NOT_PAYABLE);
    }

    @Test
    void aPaidFeeIsRefundedWhenTheDossierIsStoppedAndTheCitizenIsTold() {
        ProcessInstance instance = awaitingPayment();
        Payment paid = ProcedureTestSupport.payAtDesk(instance);

        requests().stop(instance.getBusinessKey(), "Chủ hộ đang bị cấm kinh doanh");

        Payment refunded = payments().find(paid.reference()).orElseThrow();
        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.closeReason()).isEqualTo("Hồ sơ dừng xử lý");
        assertThat(lastEvent(instance).publicStatus()).isEqualTo(PublicStatus.STOPPED);
        assertThat(PaymentProcessTest.outbox(instance))
                .anyMatch(
                        t -> t.startsWith("sms: Ho so " + instance.getBusinessKey() + ": Phi, le phi 50.000 d da nop"));
        assertThat(PaymentProcessTest.outbox(instance))
                .anyMatch(t -> t.equals("email: Hoàn trả phí, lệ phí hồ sơ " + instance.getBusinessKey()));
        String receipt = PdfTools.text(ProcessTestPlatform.bean(PaymentReceipt.class)
                        .render(instance.getBusinessKey(), paid.reference())
                        .orElseThrow())
                .replaceAll("\\s+", " ");
        assertThat(receipt)
                .contains("ĐÃ HOÀN TRẢ từ "
                        + LocalDateTime.ofInstant(refunded.closedAt(), EngineClock.VIETNAM)
                                .format(DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy"))
                        + ". Lý do: Hồ sơ dừng xử lý")
                .contains("Tổng cộng: 50.000 đ");
        assertThat(payments().confirmOnline(notice(paid, 50_000, "7")).outcome())
                .isEqualTo(Outcome.ALREADY_CONFIRMED);
    }

    @Test
    void theRefundNoticeReachesTheCitizenOnceWhenTheDossiersEndIsHandledAgain() {
        ProcessInstance instance = awaitingPayment();
        Payment paid = ProcedureTestSupport.payAtDesk(instance);
        Dossier before = dossier(instance);
        DossierStatusChanged stopped = new DossierStatusChanged(
                before,
                withStatus(before, PublicStatus.STOPPED),
                before.receivedAt(),
                Instant.now(),
                "Chủ hộ đang bị cấm kinh doanh");
        PaymentRefunds refunds = ProcessTestPlatform.bean(PaymentRefunds.class);
        TransactionTemplate engineTransaction =
                new TransactionTemplate(ProcessTestPlatform.bean(PlatformTransactionManager.class));

        // The engine's job handles the status change, then fails further on: the refund and its messages roll back.
        assertThatThrownBy(() -> engineTransaction.executeWithoutResult(tx -> {
                    refunds.on(stopped);
                    assertThat(refundNotices(instance))
                            .as("queued in the job's transaction")
                            .hasSize(2);
                    throw new IllegalStateException("a later step of the job fails");
                }))
                .hasMessage("a later step of the job fails");
        assertThat(refundNotices(instance)).isEmpty();
        assertThat(payments().find(paid.reference()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);

        // The engine retries the job, and the same change is delivered once more: one refund, one SMS, one e-mail.
        engineTransaction.executeWithoutResult(tx -> refunds.on(stopped));
        engineTransaction.executeWithoutResult(tx -> refunds.on(stopped));

        assertThat(refundNotices(instance))
                .containsExactly(
                        "sms: Ho so " + instance.getBusinessKey() + ": Phi, le phi 50.000 d da nop (bien lai so "
                                + paid.receiptNumberText() + ", ky hieu " + paid.receiptSeries()
                                + ") se duoc hoan tra cho Ong/Ba. Ly do: Ho so dung xu ly.",
                        "email: Hoàn trả phí, lệ phí hồ sơ " + instance.getBusinessKey());
        Payment refunded = payments().find(paid.reference()).orElseThrow();
        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.closeReason()).isEqualTo("Hồ sơ dừng xử lý");

        // The real stop that follows finds nothing left to refund: still one notice of each kind.
        requests().stop(instance.getBusinessKey(), "Chủ hộ đang bị cấm kinh doanh");
        assertThat(refundNotices(instance)).hasSize(2);
    }

    /** The refund's SMS (without diacritics) and e-mail (its subject) in the outbox, oldest first. */
    private static List<String> refundNotices(ProcessInstance instance) {
        return PaymentProcessTest.outbox(instance).stream()
                .filter(t -> t.contains("hoan tra") || t.contains("Hoàn trả"))
                .toList();
    }

    private static Dossier withStatus(Dossier d, PublicStatus status) {
        return new Dossier(
                d.id(),
                d.code(),
                d.procedureKey(),
                d.procedureVersion(),
                d.processInstanceId(),
                d.applicant(),
                d.receivingAgencyCode(),
                d.competentAgencyCode(),
                d.returnAgencyCode(),
                d.channel(),
                d.serviceLevel(),
                status,
                d.internalStep(),
                d.submittedAt(),
                d.receivedAt(),
                d.dueAt(),
                d.finishedAt(),
                d.returnedAt());
    }

    @Test
    void aDossierStoppedForAnUnpaidFeeHasNothingToRefund() {
        ProcessInstance instance = awaitingPayment();
        Payment request = request(instance);
        ClockUtil.setCurrentTime(Date.from(request.expiresAt().plus(Duration.ofMinutes(1))));
        ManagementService management = ProcessTestPlatform.bean(ManagementService.class);

        management.executeJob(management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("BoundaryEvent_PaymentExpired")
                .singleResult()
                .getId());

        assertThat(payments().find(request.reference()).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(PaymentProcessTest.outbox(instance)).noneMatch(t -> t.startsWith("email: Hoàn trả"));
    }
}
