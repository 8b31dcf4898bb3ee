package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ResultSigningProcessTest.dossierWithResult;
import static vn.motcua.procedures.ResultSigningProcessTest.job;
import static vn.motcua.procedures.ResultSigningProcessTest.management;
import static vn.motcua.procedures.ResultSigningProcessTest.result;
import static vn.motcua.procedures.ResultSigningProcessTest.signedAt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
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

    /** Started as after the leader's approval: the leader who approved signs personally first. */
    private static ProcessInstance startSigning(Dossier dossier) {
        return ProcessTestPlatform.engine()
                .getRuntimeService()
                .startProcessInstanceByKey(
                        PROCESS, dossier.code(), Map.of(ProduceResultDelegate.VAR_APPROVED_BY, LEADER));
    }
}
