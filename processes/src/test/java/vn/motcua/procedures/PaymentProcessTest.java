package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.motcua.procedures.ProcedureTestSupport.AWAIT_PAYMENT;
import static vn.motcua.procedures.ProcedureTestSupport.dossier;
import static vn.motcua.procedures.ProcedureTestSupport.endEvents;
import static vn.motcua.procedures.ProcedureTestSupport.events;
import static vn.motcua.procedures.ProcedureTestSupport.lastEvent;
import static vn.motcua.procedures.ProcedureTestSupport.payments;
import static vn.motcua.procedures.ProcedureTestSupport.statusHistory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.deadline.DeadlineRepository;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.engine.EngineClock;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.RequestPaymentDelegate;
import vn.motcua.testing.ProcessTestPlatform;

/**
 * The payment step of every procedure (docs/fees.md), with the real delegates on real PostgreSQL: the fee asked
 * with status 6, paid (the dossier moves on), reminded before the expiry, and the dossier stopped at the expiry.
 */
class PaymentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    /**
     * A procedure's payment step.
     *
     * @param submit         submits a dossier that owes a fee
     * @param amount         the fee of that dossier, in đồng
     * @param beforeReceipt  whether the fee is paid on submission: asked before the receipt is recorded
     * @param expiry         how long the request stays payable
     */
    record Case(
            String key,
            Supplier<ProcessInstance> submit,
            Map<String, Object> accept,
            long amount,
            boolean beforeReceipt,
            Duration expiry,
            String firstProcessingTask) {

        @Override
        public String toString() {
            return key;
        }
    }

    static Stream<Case> procedures() {
        return Stream.of(
                new Case(
                        "chung-thuc-ban-sao",
                        ChungThucBanSaoProcessTest.LIFECYCLE.submit(),
                        ChungThucBanSaoProcessTest.LIFECYCLE.accept(),
                        4_000,
                        false,
                        Duration.ofDays(1),
                        ChungThucBanSaoProcessTest.LIFECYCLE.firstProcessingTask()),
                new Case(
                        "dang-ky-khai-sinh",
                        PaymentProcessTest::lateBirthRegistration,
                        withVariables("receiptDecision", "accept", "registeredOnTime", false),
                        8_000,
                        false,
                        Duration.ofDays(5),
                        DangKyKhaiSinhProcessTest.LIFECYCLE.firstProcessingTask()),
                new Case(
                        "cap-phieu-ly-lich-tu-phap",
                        CapPhieuLyLichTuPhapProcessTest.LIFECYCLE.submit(),
                        CapPhieuLyLichTuPhapProcessTest.LIFECYCLE.accept(),
                        200_000,
                        true,
                        Duration.ofDays(5),
                        CapPhieuLyLichTuPhapProcessTest.LIFECYCLE.firstProcessingTask()),
                new Case(
                        "dang-ky-ho-kinh-doanh",
                        DangKyHoKinhDoanhProcessTest.LIFECYCLE.submit(),
                        DangKyHoKinhDoanhProcessTest.LIFECYCLE.accept(),
                        50_000,
                        false,
                        Duration.ofDays(5),
                        DangKyHoKinhDoanhProcessTest.LIFECYCLE.firstProcessingTask()));
    }

    @BeforeAll
    static void deployProcedures() {
        ProcedureTestSupport.deployProcedures();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void theFeeIsAskedWithStatusSixAndItsPaymentMovesTheDossierOn(Case procedure) {
        ProcessInstance instance = procedure.submit().get();
        complete(task(instance), procedure.accept());

        assertThat(instance).isWaitingAt(AWAIT_PAYMENT);
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.AWAITING_FINANCIAL_OBLIGATION);
        Payment request = payments().openRequest(instance.getBusinessKey()).orElseThrow();
        assertThat(request.amount()).isEqualTo(procedure.amount());
        assertThat(request.items()).isNotEmpty();
        assertThat(request.legalBasis()).isNotBlank();
        assertThat(request.reference()).matches("[A-Z2-9]{16}").doesNotContain(instance.getBusinessKey());
        // the window as configured, give or take the millisecond between the two clock reads of one request
        assertThat(Duration.between(request.requestedAt(), request.expiresAt())
                        .minus(procedure.expiry())
                        .abs())
                .isLessThan(Duration.ofSeconds(1));
        assertThat(lastEvent(instance).publicMessage())
                .contains(request.reference())
                .contains(vn.motcua.payment.Dong.format(procedure.amount()))
                .contains("Hạn nộp");
        assertThat(outbox(instance)).anyMatch(text -> text.contains(request.reference()));

        Payment paid = ProcedureTestSupport.payAtDesk(instance);

        assertThat(instance).isWaitingAt(procedure.firstProcessingTask());
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.receiptNumber()).isPositive();
        assertThat(events(instance))
                .extracting(DossierEvent::internalStep)
                .containsSubsequence(RequestPaymentDelegate.STEP, "payment-received");
        List<PublicStatus> expected = procedure.beforeReceipt()
                ? List.of(
                        PublicStatus.NEW,
                        PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                        PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                        PublicStatus.RECEIVED,
                        PublicStatus.PROCESSING)
                : List.of(
                        PublicStatus.NEW,
                        PublicStatus.RECEIVED,
                        PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                        PublicStatus.AWAITING_FINANCIAL_OBLIGATION,
                        PublicStatus.PROCESSING);
        assertThat(statusHistory(instance)).startsWith(expected.toArray(PublicStatus[]::new));
        assertThat(ProcessTestPlatform.bean(ManagementService.class)
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .activityId("BoundaryEvent_PaymentExpired")
                        .count())
                .as("the expiry timer is gone with the paid request")
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void theCitizenIsRemindedBeforeTheExpiryAndTheRequestStaysOpen(Case procedure) {
        ProcessInstance instance = procedure.submit().get();
        complete(task(instance), procedure.accept());
        Payment request = payments().openRequest(instance.getBusinessKey()).orElseThrow();
        Job reminder = timer(instance, "BoundaryEvent_PaymentReminder");
        assertThat(reminder.getDuedate().toInstant())
                .isEqualTo(
                        request.expiresAt().minus(Duration.ofDays(1)).isAfter(request.requestedAt())
                                ? request.expiresAt().minus(Duration.ofDays(1))
                                : request.requestedAt().plus(procedure.expiry().dividedBy(2)));

        ClockUtil.setCurrentTime(reminder.getDuedate());
        ProcessTestPlatform.bean(ManagementService.class).executeJob(reminder.getId());

        assertThat(instance).isWaitingAt(AWAIT_PAYMENT).hasPassed("EndEvent_PaymentReminded");
        assertThat(lastEvent(instance).internalStep()).isEqualTo("payment-reminder");
        assertThat(lastEvent(instance).publicMessage()).startsWith("Nhắc nộp phí, lệ phí.");
        assertThat(outbox(instance)).anyMatch(text -> text.startsWith("sms: Nhac nop phi ho so"));
        assertThat(payments().find(request.reference()).orElseThrow().status()).isEqualTo(PaymentStatus.REQUESTED);
        ProcedureTestSupport.payAtDesk(instance);
        assertThat(instance).isWaitingAt(procedure.firstProcessingTask());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void atTheExpiryTheUnpaidDossierStopsWithTheReason(Case procedure) {
        ProcessInstance instance = procedure.submit().get();
        complete(task(instance), procedure.accept());
        Payment request = payments().openRequest(instance.getBusinessKey()).orElseThrow();
        Job expiry = timer(instance, "BoundaryEvent_PaymentExpired");
        assertThat(expiry.getDuedate().toInstant()).isEqualTo(request.expiresAt());

        ClockUtil.setCurrentTime(Date.from(request.expiresAt().plusSeconds(1)));
        ProcessTestPlatform.bean(ManagementService.class).executeJob(expiry.getId());

        assertThat(instance).isEnded().hasPassed("ServiceTask_ExpirePayment");
        assertThat(endEvents(instance)).containsExactly("EndEvent_PaymentExpired");
        assertThat(dossier(instance).publicStatus()).isEqualTo(PublicStatus.STOPPED);
        assertThat(dossier(instance).finishedAt()).isNotNull();
        assertThat(lastEvent(instance).publicMessage())
                .startsWith("Hồ sơ bị dừng xử lý. Lý do: Quá hạn nộp phí, lệ phí")
                .contains(request.reference());
        Payment expired = payments().find(request.reference()).orElseThrow();
        assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(expired.receiptNumber()).isNull();
        assertThat(ProcessTestPlatform.bean(ManagementService.class)
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void waitingForTheFeeStopsTheClockOfAReceivedDossier(Case procedure) {
        Instant start = Instant.parse("2026-03-10T02:00:00Z"); // Tue 10/03/2026 09:00 in Vietnam
        ClockUtil.setCurrentTime(Date.from(start));
        ProcessInstance instance = procedure.submit().get();
        complete(task(instance), procedure.accept());

        // Paid half way to the expiry.
        Instant paidAt = start.plus(procedure.expiry().dividedBy(2));
        ClockUtil.setCurrentTime(Date.from(paidAt));
        ProcedureTestSupport.payAtDesk(instance);

        List<DeadlineRepository.Pause> pauses = ProcessTestPlatform.bean(DeadlineRepository.class)
                .pauses(dossier(instance).id());
        if (procedure.beforeReceipt()) {
            // Paid on submission: the dossier is received once paid, and its clock starts then.
            assertThat(pauses).isEmpty();
            assertThat(dossier(instance).receivedAt()).isEqualTo(paidAt);
        } else {
            assertThat(pauses).singleElement().satisfies(pause -> {
                assertThat(pause.startedAt()).isEqualTo(start);
                assertThat(pause.endedAt()).isEqualTo(paidAt);
            });
            assertThat(dossier(instance).receivedAt()).isEqualTo(start);
        }
    }

    private static Job timer(ProcessInstance instance, String activityId) {
        return ProcessTestPlatform.bean(ManagementService.class)
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
    }

    /** The notifications queued for the dossier: "sms: text" or "email: subject". */
    static List<String> outbox(ProcessInstance instance) {
        return ProcessTestPlatform.bean(JdbcTemplate.class)
                .query(
                        """
                        select topic, payload::json ->> 'text' as text, payload::json ->> 'subject' as subject
                        from outbox where aggregate_id = ? and topic in ('sms', 'email') order by id""",
                        (rs, n) -> rs.getString("topic") + ": "
                                + (rs.getString("text") != null ? rs.getString("text") : rs.getString("subject")),
                        instance.getBusinessKey());
    }

    /** A birth registered after the 60 days of Luật Hộ tịch art. 15: the province's late fee is due. */
    static ProcessInstance lateBirthRegistration() {
        Map<String, Object> data = new HashMap<>(DangKyKhaiSinhProcessTest.validData());
        data.put(
                "childBirthDate",
                LocalDate.now(new EngineClock()).minusDays(100).toString());
        return ProcedureTestSupport.submit(
                "dang-ky-khai-sinh",
                new Applicant(
                        "Lê Thị Mai",
                        "001195012345",
                        LocalDate.of(1995, 8, 12),
                        "0912000111",
                        "mai@example.vn",
                        "Thôn Đoài, xã Thử Nghiệm"),
                data,
                new ArrayList<>(List.of(ProcedureTestSupport.pdf("giay-chung-sinh", "giay-chung-sinh.pdf"))));
    }
}
