package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierChanges;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.engine.CurrentActor;
import vn.motcua.result.ProduceResultDelegate;
import vn.motcua.signature.CscProperties;
import vn.motcua.signature.CscSigningProvider;
import vn.motcua.signature.CscStandIn;
import vn.motcua.signature.PdfSigner;
import vn.motcua.signature.SignResultDelegate;
import vn.motcua.signature.SignatureProperties;
import vn.motcua.signature.SignatureVerifier;
import vn.motcua.signature.SignatureVerifier.Verification;
import vn.motcua.signature.TestCertificateAuthority;
import vn.motcua.signature.TrustAnchors;
import vn.motcua.testing.PdfTools;
import vn.motcua.testing.ProcessTestPlatform;

/**
 * The generic signing step ({@code ${signResult}}: the real {@link SignResultDelegate}) with the CSC API v2 provider
 * against a local stand-in of a remote-signing service: the approving leader and the agency sign through the
 * service; with the service down the step fails, is retried, raises an incident naming the cause and leaves the
 * result unsigned; once the service is back the operator's retry signs it.
 */
class RemoteSigningProcessTest {

    private static final String PROCESS = "ky-so-ket-qua-tu-xa-thu-nghiem";
    private static final String BEAN = "remoteSignResult";
    private static final String LEADER = "lanhdao01";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestPlatform.engine())
            .build();

    private static Path folder;
    private static CscStandIn service;
    private static SignatureVerifier verifier;

    @BeforeAll
    static void deployWithTheCscProvider() throws IOException {
        folder = Files.createTempDirectory("motcua-remote-signing-");
        service = CscStandIn.start(folder.resolve("csc"));
        String agency = service.agencyCredential(ProcessTestPlatform.TEST_AGENCY, "UBND xã Thử Nghiệm");
        String leader = service.personalCredential(LEADER, "Lê Minh Cường", "UBND xã Thử Nghiệm");
        CscSigningProvider provider = new CscSigningProvider(new CscProperties(
                service.baseUrl(),
                service.clientId(),
                service.clientSecret(),
                null,
                Duration.ofSeconds(5),
                null,
                Map.of(ProcessTestPlatform.TEST_AGENCY, agency),
                Map.of(LEADER, leader)));
        // The real delegate, as the application wires it with motcua.signatures.provider=csc.
        ProcessTestPlatform.context()
                .getBeanFactory()
                .registerSingleton(
                        BEAN,
                        new SignResultDelegate(
                                ProcessTestPlatform.bean(DossierRepository.class),
                                new PdfSigner(provider, ProcessTestPlatform.bean(DocumentProperties.class)),
                                ProcessTestPlatform.bean(DossierChanges.class),
                                ProcessTestPlatform.bean(CurrentActor.class),
                                ProcessTestPlatform.bean(Clock.class)));
        verifier = new SignatureVerifier(
                new TrustAnchors(new SignatureProperties(null, null, null), trusting(service.authority())));

        ProcedureTestSupport.deployProcedures();
        // The test signing process of ResultSigningProcessTest, its step calling the CSC-wired delegate.
        BpmnModelInstance model;
        try (InputStream in =
                RemoteSigningProcessTest.class.getResourceAsStream("/signing/ky-so-ket-qua-thu-nghiem.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        model.getModelElementsByType(Process.class).iterator().next().setId(PROCESS);
        ServiceTask step = model.getModelElementById("ServiceTask_SignResult");
        step.setCamundaDelegateExpression("${" + BEAN + "}");
        ProcessTestPlatform.engine()
                .getRepositoryService()
                .createDeployment()
                .name(PROCESS)
                .enableDuplicateFiltering(true)
                .addModelInstance(PROCESS + ".bpmn", model)
                .deploy();
    }

    @AfterAll
    static void stopTheService() {
        service.close();
    }

    @Test
    void theLeaderAndTheAgencySignThroughTheServiceAndPdfsigFindsBothValid() {
        Dossier dossier = dossierWithResult();
        ProcessInstance instance = startSigning(dossier);

        management().executeJob(job(instance).getId());

        assertThat(instance).isEnded().hasPassed("EndEvent_ResultSigned");
        byte[] signed = result(dossier);
        Verification verification = verifier.verify(signed);
        assertThat(verification.valid()).as("%s", verification).isTrue();
        assertThat(verification.signatures()).hasSize(2);
        assertThat(verification.signatures().get(0).signer()).isEqualTo("Lê Minh Cường");
        assertThat(verification.signatures().get(1).signer()).isEqualTo("UBND xã Thử Nghiệm");
        String pdfsig = PdfTools.pdfsig(signed).output();
        assertThat(pdfsig.split("Signature is Valid\\.", -1)).as(pdfsig).hasSize(3);
        assertThat(pdfsig).contains("Total document signed");
        assertThat(signedAt(dossier)).isNotNull();
    }

    @Test
    void withTheServiceDownTheStepLeavesAnIncidentAndAnUnsignedResultUntilRetried() {
        Dossier dossier = dossierWithResult();
        service.stop();
        try {
            ProcessInstance instance = startSigning(dossier);

            // R3/PT5M: three attempts, then the incident.
            for (int attempt = 0; attempt < 3; attempt++) {
                String jobId = job(instance).getId();
                assertThatThrownBy(() -> management().executeJob(jobId))
                        .hasMessageContaining("Cannot sign for")
                        .hasMessageContaining("cannot connect to the CSC service at " + service.baseUrl());
            }
            Incident incident = ProcessTestPlatform.engine()
                    .getRuntimeService()
                    .createIncidentQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getActivityId()).isEqualTo("ServiceTask_SignResult");
            assertThat(incident.getIncidentMessage()).contains("cannot connect to the CSC service");
            assertThat(instance).isWaitingAt("ServiceTask_SignResult").hasNotPassed("EndEvent_ResultSigned");
            assertThat(signedAt(dossier)).isNull();
            assertThat(verifier.verify(result(dossier)).signed()).isFalse();

            service.restart();
            management().setJobRetries(job(instance).getId(), 1);
            management().executeJob(job(instance).getId());

            assertThat(instance).isEnded();
            assertThat(signedAt(dossier)).isNotNull();
            assertThat(verifier.verify(result(dossier)).valid()).isTrue();
        } finally {
            service.restart();
        }
    }

    private static ObjectProvider<TestCertificateAuthority> trusting(TestCertificateAuthority authority) {
        return new StaticListableBeanFactory(Map.of("testCertificateAuthority", authority))
                .getBeanProvider(TestCertificateAuthority.class);
    }

    private static Dossier dossierWithResult() {
        ProcessInstance procedure = ProcedureTestSupport.submit(
                "chung-thuc-ban-sao",
                new Applicant(
                        "Phạm Thị Thu",
                        "001190067890",
                        LocalDate.of(1990, 3, 9),
                        "0912345678",
                        "thu@example.vn",
                        "Thôn Tây, xã Thử Nghiệm"),
                Map.of("documentName", "Bằng tốt nghiệp THPT", "copyCount", 1, "pagesPerCopy", 1),
                List.of(ProcedureTestSupport.pdf("ban-chinh", "bang-tot-nghiep.pdf")));
        Dossier dossier = ProcedureTestSupport.dossier(procedure);
        ProcessTestPlatform.bean(DossierRepository.class)
                .insertDocument(
                        dossier.id(),
                        new DocumentFile("ket-qua", "ban-sao-chung-thuc.pdf", "application/pdf", resultPdf()),
                        0,
                        Instant.now());
        return dossier;
    }

    /** Started as after the leader's approval: the leader who approved signs personally first. */
    private static ProcessInstance startSigning(Dossier dossier) {
        return ProcessTestPlatform.engine()
                .getRuntimeService()
                .startProcessInstanceByKey(
                        PROCESS, dossier.code(), Map.of(ProduceResultDelegate.VAR_APPROVED_BY, LEADER));
    }

    private static byte[] result(Dossier dossier) {
        return ProcessTestPlatform.bean(JdbcTemplate.class)
                .queryForObject(
                        "select content from dossier_document where dossier_id = ? and document_code = 'ket-qua'",
                        byte[].class,
                        dossier.id());
    }

    private static Object signedAt(Dossier dossier) {
        return ProcessTestPlatform.bean(JdbcTemplate.class)
                .queryForObject(
                        "select signed_at from dossier_document where dossier_id = ? and document_code = 'ket-qua'",
                        Object.class,
                        dossier.id());
    }

    private static Job job(ProcessInstance instance) {
        return management().createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static ManagementService management() {
        return ProcessTestPlatform.engine().getManagementService();
    }

    private static byte[] resultPdf() {
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
            throw new UncheckedIOException(e);
        }
    }
}
