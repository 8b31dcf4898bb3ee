package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.signature.SignatureVerifier;
import vn.motcua.signature.SignatureVerifier.Verification;
import vn.motcua.signature.TestCertificateAuthority;
import vn.motcua.testing.PdfTools;
import vn.motcua.testing.ProcessTestPlatform;

/**
 * The generic signing step ({@code ${signResult}}, asynchronous) on a dossier of a shipped procedure: the result is
 * signed with the competent agency's key; a failure leaves an incident, the result unsigned and the process where it
 * was, until an operator retries after the fix.
 */
class ResultSigningProcessTest {

    private static final String PROCESS = "ky-so-ket-qua-thu-nghiem";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    @BeforeAll
    static void deploy() {
        ProcedureTestSupport.deployProcedures();
        ProcessTestPlatform.engine()
                .getRepositoryService()
                .createDeployment()
                .name(PROCESS)
                .enableDuplicateFiltering(true)
                .addClasspathResource("signing/" + PROCESS + ".bpmn")
                .deploy();
    }

    @Test
    void theApprovedResultIsSignedWithTheCompetentAgencysKeyAndPdfsigFindsItValid() {
        Dossier dossier = dossierWithResult();
        ProcessInstance instance = startSigning(dossier);

        assertThat(instance).isWaitingAt("ServiceTask_SignResult");
        management().executeJob(job(instance).getId());

        assertThat(instance).isEnded().hasPassed("EndEvent_ResultSigned");
        byte[] signed = result(dossier);
        Verification verification =
                ProcessTestPlatform.bean(SignatureVerifier.class).verify(signed);
        assertThat(verification.valid()).as("%s", verification).isTrue();
        assertThat(verification.signatures().get(0).signer()).isEqualTo("UBND xã Thử Nghiệm");
        assertThat(verification.signatures().get(0).dossierCode()).isEqualTo(dossier.code());
        assertThat(PdfTools.pdfsig(signed).output()).contains("Signature is Valid.");
        assertThat(PdfTools.text(signed)).contains("Người phê duyệt: Trần Thị Lãnh Đạo");
        assertThat(signedAt(dossier)).isNotNull();
        assertThat(ProcedureTestSupport.lastEvent(instanceOf(dossier)).publicMessage())
                .isEqualTo("Kết quả đã được ký số.");
    }

    @Test
    void aBrokenKeystoreLeavesAnIncidentAndAnUnsignedResultUntilRetriedAfterTheFix() throws IOException {
        Dossier dossier = dossierWithResult();
        Path keystore = authority().keystore(ProcessTestPlatform.TEST_AGENCY, "UBND xã Thử Nghiệm");
        byte[] good = Files.readAllBytes(keystore);
        Files.write(keystore, new byte[] {1, 2, 3});
        try {
            ProcessInstance instance = startSigning(dossier);

            for (int attempt = 0; attempt < 3; attempt++) {
                String jobId = job(instance).getId();
                assertThatThrownBy(() -> management().executeJob(jobId))
                        .hasMessageContaining("signing key of agency " + ProcessTestPlatform.TEST_AGENCY);
            }

            Incident incident = ProcessTestPlatform.engine()
                    .getRuntimeService()
                    .createIncidentQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getActivityId()).isEqualTo("ServiceTask_SignResult");
            assertThat(incident.getIncidentMessage()).contains(ProcessTestPlatform.TEST_AGENCY);
            assertThat(instance).isWaitingAt("ServiceTask_SignResult").hasNotPassed("EndEvent_ResultSigned");
            assertThat(signedAt(dossier)).isNull();
            assertThat(ProcessTestPlatform.bean(SignatureVerifier.class)
                            .verify(result(dossier))
                            .signed())
                    .isFalse();

            Files.write(keystore, good);
            management().setJobRetries(job(instance).getId(), 1);
            management().executeJob(job(instance).getId());

            assertThat(instance).isEnded();
            assertThat(signedAt(dossier)).isNotNull();
            assertThat(ProcessTestPlatform.bean(SignatureVerifier.class)
                            .verify(result(dossier))
                            .valid())
                    .isTrue();
        } finally {
            Files.write(keystore, good);
        }
    }

    @Test
    void aDossierWithoutAResultPdfIsNotPassedOnUnsigned() {
        Dossier dossier = submitted();
        ProcessInstance instance = startSigning(dossier);

        // R3/PT5M: three attempts, then the incident.
        for (int attempt = 0; attempt < 3; attempt++) {
            String jobId = job(instance).getId();
            assertThatThrownBy(() -> management().executeJob(jobId))
                    .hasMessageContaining("has no unsigned PDF with document code ket-qua");
        }

        assertThat(instance).isWaitingAt("ServiceTask_SignResult");
        assertThat(ProcessTestPlatform.engine()
                        .getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isEqualTo(1);
    }

    private static Dossier submitted() {
        ProcessInstance procedure = ProcedureTestSupport.submit(
                "chung-thuc-ban-sao",
                new Applicant(
                        "Nguyễn Văn Đoàn",
                        "001090012345",
                        LocalDate.of(1990, 5, 17),
                        "0912345678",
                        "doan@example.vn",
                        "Thôn Đông, xã Thử Nghiệm"),
                Map.of("documentName", "Bằng tốt nghiệp THPT", "copyCount", 1, "pagesPerCopy", 1),
                List.of(ProcedureTestSupport.pdf("ban-chinh", "bang-tot-nghiep.pdf")));
        return ProcedureTestSupport.dossier(procedure);
    }

    static Dossier dossierWithResult() {
        Dossier dossier = submitted();
        ProcessTestPlatform.bean(DossierRepository.class)
                .insertDocument(
                        dossier.id(),
                        new DocumentFile("ket-qua", "ban-sao-chung-thuc.pdf", "application/pdf", resultPdf()),
                        0,
                        Instant.now());
        return dossier;
    }

    private static ProcessInstance startSigning(Dossier dossier) {
        return ProcessTestPlatform.engine().getRuntimeService().startProcessInstanceByKey(PROCESS, dossier.code());
    }

    private static ProcessInstance instanceOf(Dossier dossier) {
        return ProcessTestPlatform.engine()
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(dossier.code())
                .processDefinitionKey("chung-thuc-ban-sao")
                .singleResult();
    }

    static byte[] result(Dossier dossier) {
        return ProcessTestPlatform.bean(JdbcTemplate.class)
                .queryForObject(
                        "select content from dossier_document where dossier_id = ? and document_code = 'ket-qua'",
                        byte[].class,
                        dossier.id());
    }

    static Object signedAt(Dossier dossier) {
        return ProcessTestPlatform.bean(JdbcTemplate.class)
                .queryForObject(
                        "select signed_at from dossier_document where dossier_id = ? and document_code = 'ket-qua'",
                        Object.class,
                        dossier.id());
    }

    static Job job(ProcessInstance instance) {
        return management().createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    static ManagementService management() {
        return ProcessTestPlatform.engine().getManagementService();
    }

    private static TestCertificateAuthority authority() {
        return ProcessTestPlatform.bean(TestCertificateAuthority.class);
    }

    static byte[] resultPdf() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(
                    document,
                    new File(ProcessTestPlatform.bean(DocumentProperties.class).font()));
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.beginText();
                out.setFont(font, 13);
                out.newLineAtOffset(72, 760);
                out.showText("LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC");
                out.endText();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
