package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static vn.motcua.procedures.ProcedureTestSupport.dossier;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.document.QrContent;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.signature.SignatureVerifier;
import vn.motcua.signature.SignatureVerifier.Verification;
import vn.motcua.testing.PdfTools;
import vn.motcua.testing.ProcessTestPlatform;
import vn.motcua.testing.QrReaders;

/**
 * Each shipped procedure's electronic result, as the citizen gets it: produced from the procedure's template after
 * the leader's approval, a PDF/A-2b whose Vietnamese text pdftotext reads back, with the QR code of Thông tư
 * 01/2023/TT-VPCP at the top left, signed by the approving leader and then by the agency, both signatures valid for
 * pdfsig and for the application's verifier, and the dossier recorded as having an electronic result.
 */
class ResultDocumentsProcessTest {

    private static final String LEADER = "lanhdao.thunghiem";

    /** What each procedure's result must say, besides the applicant's name. */
    private static final Map<String, List<String>> TEXT = Map.of(
            "chung-thuc-ban-sao",
            List.of("LỜI CHỨNG CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH", "Chứng thực bản sao đúng với bản chính."),
            "dang-ky-khai-sinh",
            List.of("TRÍCH LỤC KHAI SINH", "giới tính: Nam", "Số đăng ký, quyển số: Số 125"),
            "cap-phieu-ly-lich-tu-phap",
            List.of("PHIẾU LÝ LỊCH TƯ PHÁP", "Tình trạng án tích: Không có án tích"),
            "dang-ky-ho-kinh-doanh",
            List.of("GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH", "Mã số hộ kinh doanh:"));

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    @BeforeAll
    static void deployProcedures() {
        ProcedureTestSupport.deployProcedures();
    }

    static Stream<ProcedureLifecycle> procedures() {
        return SharedLifecycleTest.procedures();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void theApprovedDossiersResultIsAPdfAWithTheQrCodeSignedByTheLeaderAndTheAgency(ProcedureLifecycle procedure) {
        ProcessInstance instance = procedure.submit().get();
        complete(task(instance), procedure.accept());
        if (procedure.feeDue()) {
            ProcedureTestSupport.payAtDesk(instance);
        }
        IdentityService identity = ProcessTestPlatform.bean(IdentityService.class);
        identity.setAuthenticatedUserId(LEADER); // as the REST API does for the staff completing the tasks
        try {
            procedure.toResultReady().accept(instance);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(instance).isWaitingAt("UserTask_ReturnResult");
        Dossier dossier = dossier(instance);
        assertThat(dossier.publicStatus()).isEqualTo(PublicStatus.PROCESSED);

        byte[] result = result(dossier);
        String text = PdfTools.text(result);
        assertThat(text).contains(TEXT.get(procedure.key())).contains(dossier.code());
        if (!procedure.key().equals("dang-ky-khai-sinh")) { // the extract names the child; the applicant registers
            assertThat(text).contains(dossier.applicant().name());
        }
        assertThat(text).contains("Người ký: " + LEADER).contains("Mã hồ sơ: " + dossier.code());

        PdfTools.PdfA pdfA = PdfTools.pdfA(result);
        assertThat(pdfA.part()).isEqualTo(2);
        assertThat(pdfA.conformance()).isEqualTo("B");
        assertThat(pdfA.fonts()).allMatch(PdfTools.Font::embedded);

        QrReaders.Found qr = QrReaders.zbarimg(result);
        assertThat(qr.topLeft()).isTrue();
        QrContent content = QrContent.parse(qr.text()).orElseThrow();
        assertThat(content.dossierCode()).isEqualTo(dossier.code());
        assertThat(content.applicantId()).isEqualTo(dossier.applicant().identityNumber());

        String pdfsig = PdfTools.pdfsig(result).output();
        assertThat(pdfsig.split("Signature is Valid\\.", -1)).as(pdfsig).hasSize(3);
        assertThat(pdfsig).contains("Total document signed");
        Verification verification =
                ProcessTestPlatform.bean(SignatureVerifier.class).verify(result);
        assertThat(verification.valid()).as("%s", verification).isTrue();
        assertThat(verification.signatures()).hasSize(2);
        assertThat(verification.signatures().get(0).signer()).isEqualTo(LEADER);
        assertThat(verification.signatures().get(1).dossierCode()).isEqualTo(dossier.code());
        assertThat(verification.signatures()).allMatch(SignatureVerifier.SignatureCheck::testCertificate);

        assertThat(ProcessTestPlatform.bean(DossierRepository.class).resultIssuedElectronicallyAt(dossier.id()))
                .isPresent();
    }

    private static byte[] result(Dossier dossier) {
        return ProcessTestPlatform.bean(JdbcTemplate.class)
                .queryForObject(
                        "select content from dossier_document where dossier_id = ? and document_code = 'ket-qua'",
                        byte[].class,
                        dossier.id());
    }
}
