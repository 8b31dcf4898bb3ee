package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.procedures.ProcedureTestSupport.deployProcedures;
import static vn.motcua.procedures.ProcedureTestSupport.dossier;
import static vn.motcua.procedures.ProcedureTestSupport.pdf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.document.QrContent;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.StoredDocument;
import vn.motcua.engine.EngineClock;
import vn.motcua.slip.DossierSlips;
import vn.motcua.slip.Slip;
import vn.motcua.slip.TrackingRegister;
import vn.motcua.testing.PdfTools;
import vn.motcua.testing.ProcessTestPlatform;
import vn.motcua.testing.QrReaders;

/**
 * The one-stop slips written at their step by a shipped procedure ("Chứng thực bản sao"), with no BPMN naming
 * them: each kept with the dossier, its Vietnamese text read back by pdftotext, its QR code read by zbarimg from
 * the rendered page and checked field by field.
 */
class SlipsProcessTest {

    private static final String KEY = "chung-thuc-ban-sao";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    @BeforeAll
    static void deploy() {
        deployProcedures();
    }

    @Test
    void theReceiptIsWrittenWhenTheDossierIsReceivedWithTheAppointmentInItsQrCode() {
        ProcessInstance instance = submit();
        assertThat(slips(instance)).as("no slip before the receipt").isEmpty();

        receive(instance, Map.of("receiptDecision", "accept"));

        Dossier d = dossier(instance);
        byte[] receipt = onlySlip(instance, Slip.RECEIPT);
        assertThat(words(receipt))
                .contains(
                        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                        "Mã hồ sơ: " + d.code(),
                        "Ông/Bà: Đặng Thị Hương Giang",
                        "Số định danh cá nhân: 001190054321",
                        "UBND xã Thử Nghiệm",
                        "Bản chính giấy tờ",
                        "5. Thời gian trả kết quả giải quyết hồ sơ:");
        QrReaders.Found found = QrReaders.zbarimg(receipt);
        assertThat(found.topLeft()).isTrue();
        QrContent qr = QrContent.parse(found.text()).orElseThrow();
        assertThat(qr.dossierCode()).isEqualTo(d.code());
        assertThat(qr.procedureCode()).isEqualTo("2.000815");
        assertThat(qr.applicantId()).isEqualTo("001190054321");
        assertThat(qr.documentName()).isEqualTo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        assertThat(qr.issuingSystem()).isNotBlank();
        assertThat(qr.issuedAt()).isNotNull();
        assertThat(qr.appointment())
                .isEqualTo(
                        LocalDateTime.ofInstant(d.dueAt(), EngineClock.VIETNAM).withNano(0));
        assertThat(found.text()).contains("/tra-cuu/?ma=" + d.code() + "&");
    }

    @Test
    void aSupplementRequestWritesThePhieuYeuCauBoSungWithWhatIsMissing() {
        ProcessInstance instance = submit();

        receive(
                instance,
                Map.of("receiptDecision", "supplement", "missingDocuments", "Bản chính có chữ ký rõ, không tẩy xóa"));

        byte[] request = onlySlip(instance, Slip.SUPPLEMENT_REQUEST);
        assertThat(words(request))
                .contains(
                        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                        "Hồ sơ của: Đặng Thị Hương Giang",
                        "Bản chính có chữ ký rõ, không tẩy xóa");
        QrContent qr = QrContent.parse(QrReaders.zbarimg(request).text()).orElseThrow();
        assertThat(qr.documentName()).isEqualTo("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
        assertThat(qr.appointment()).isNull();
        assertThat(slips(instance))
                .extracting(StoredDocument::documentCode)
                .containsExactly(Slip.SUPPLEMENT_REQUEST.code());
    }

    @Test
    void aRefusalWritesThePhieuTuChoiWithTheReason() {
        ProcessInstance instance = submit();

        receive(
                instance,
                Map.of(
                        "receiptDecision",
                        "refuse",
                        "refusalReason",
                        "Giấy tờ không thuộc thẩm quyền chứng thực của xã"));

        byte[] refusal = onlySlip(instance, Slip.REFUSAL);
        assertThat(words(refusal))
                .contains(
                        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Giấy tờ không thuộc thẩm quyền chứng thực của xã");
        assertThat(QrContent.parse(QrReaders.zbarimg(refusal).text())
                        .orElseThrow()
                        .dossierCode())
                .isEqualTo(instance.getBusinessKey());
    }

    @Test
    void theProcessControlSlipListsEachStepWhoAndWhenAndWhetherOnTime() {
        ProcessInstance instance = submit();
        receive(instance, Map.of("receiptDecision", "accept"));
        ProcedureTestSupport.payAtDesk(instance);
        complete(instance, "UserTask_CertifyCopies", Map.of("certificationNumber", "12/2026", "originalMatches", true));

        byte[] slip = ProcessTestPlatform.bean(DossierSlips.class).processControlSlip(instance.getBusinessKey());

        String text = words(slip);
        // the appointment as the dossier holds it (the payment's pause, however short, moves it on the clock)
        String appointment = java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
                .format(dossier(instance).dueAt().atZone(EngineClock.VIETNAM));
        assertThat(text)
                .contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Hẹn trả kết quả: " + appointment)
                // one row per recorded step: when, who (the citizen online, the engine's steps), status, on time
                .contains("citizen Mới đăng ký Hồ sơ đã được nộp trực tuyến.", "system Được tiếp", "Đúng hạn");
        assertThat(QrContent.parse(QrReaders.zbarimg(slip).text()).orElseThrow().documentName())
                .isEqualTo("Phiếu kiểm soát quá trình giải quyết hồ sơ");
        assertThat(slips(instance))
                .as("the control slip is written on request, not kept")
                .extracting(StoredDocument::documentCode)
                .containsExactly(Slip.RECEIPT.code());
    }

    @Test
    void theRegisterOfAnAgencyListsItsOwnDossiersOnly() {
        ProcessInstance instance = submit();
        receive(instance, Map.of("receiptDecision", "accept"));
        TrackingRegister register = ProcessTestPlatform.bean(TrackingRegister.class);
        LocalDate today = LocalDate.now(EngineClock.VIETNAM);

        String own = new String(
                register.csv(ProcessTestPlatform.TEST_AGENCY, today.minusDays(1), today.plusDays(1)),
                java.nio.charset.StandardCharsets.UTF_8);
        String other = new String(
                register.csv(ProcessTestPlatform.TEST_POLICE, today.minusDays(1), today.plusDays(1)),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(own)
                .startsWith("\uFEFF\"STT\",\"Mã hồ sơ\"")
                .contains(instance.getBusinessKey(), "Đặng Thị Hương Giang");
        assertThat(other).doesNotContain(instance.getBusinessKey());
        assertThat(words(register.pdf(ProcessTestPlatform.TEST_AGENCY, today, today)))
                .contains("SỔ THEO DÕI HỒ SƠ", "UBND XÃ THỬ NGHIỆM", instance.getBusinessKey());
    }

    // ---- helpers

    private static ProcessInstance submit() {
        return ProcedureTestSupport.submit(
                KEY,
                new Applicant(
                        "Đặng Thị Hương Giang",
                        "001190054321",
                        LocalDate.of(1990, 1, 2),
                        "0987654321",
                        "giang@example.vn",
                        "Xóm Bến, xã Thử Nghiệm"),
                Map.of("documentName", "Giấy khai sinh", "copyCount", 2, "pagesPerCopy", 1),
                List.of(pdf("ban-chinh", "giay-khai-sinh.pdf")));
    }

    /** The text as pdftotext reads it, with lines and columns joined by single spaces (a table cell wraps). */
    private static String words(byte[] pdf) {
        return PdfTools.text(pdf).replaceAll("\\s+", " ");
    }

    private static void receive(ProcessInstance instance, Map<String, Object> decision) {
        complete(instance, "UserTask_ReceiveDossier", decision);
    }

    private static void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        TaskService tasks = ProcessTestPlatform.bean(TaskService.class);
        Task task = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
        tasks.complete(task.getId(), variables);
    }

    private static List<StoredDocument> slips(ProcessInstance instance) {
        return ProcessTestPlatform.bean(DossierSlips.class)
                .slips(dossier(instance).id());
    }

    private static byte[] onlySlip(ProcessInstance instance, Slip slip) {
        List<StoredDocument> found = slips(instance).stream()
                .filter(d -> d.documentCode().equals(slip.code()))
                .toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).fileName()).isEqualTo(slip.code() + "-" + instance.getBusinessKey() + ".pdf");
        return ProcessTestPlatform.bean(JdbcTemplate.class)
                .queryForObject(
                        "select content from dossier_document where id = ?",
                        byte[].class,
                        found.get(0).id());
    }
}
