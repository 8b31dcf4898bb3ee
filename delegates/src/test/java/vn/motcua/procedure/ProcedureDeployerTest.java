package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.procedure.ProcedureDeployer.DeployedVersion;
import vn.motcua.testing.ProcessTestPlatform;

class ProcedureDeployerTest {

    private static final String DESCRIPTOR = """
            nationalCode: "1.000001"
            name:
              vi: %s
              en: Test procedure
            agencyLevel: COMMUNE
            timeLimitWorkingDays: 3
            serviceLevel: PARTIAL
            """;

    @TempDir
    Path root;

    private final ProcedureDeployer deployer = ProcessTestPlatform.bean(ProcedureDeployer.class);
    private final RepositoryService repository = ProcessTestPlatform.bean(RepositoryService.class);

    @Test
    void anUnchangedProcedureIsNotRedeployedAndAChangedOneBecomesANewVersion() throws IOException {
        writeProcedure("cap-giay-a", "Cấp giấy A", "cap-giay-a-start");
        writeForm("cap-giay-a-start");

        DeployedVersion first = deployOnly("cap-giay-a");
        DeployedVersion again = deployOnly("cap-giay-a");
        writeProcedure("cap-giay-a", "Cấp giấy A (sửa đổi)", "cap-giay-a-start");
        DeployedVersion changed = deployOnly("cap-giay-a");

        assertThat(first.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.deploymentId()).isEqualTo(first.deploymentId());
        assertThat(changed.changed()).isTrue();
        assertThat(changed.version()).isEqualTo(first.version() + 1);
        assertThat(repository.getDeploymentResourceNames(changed.deploymentId()))
                .containsExactlyInAnyOrder(
                        "cap-giay-a/procedure.yaml", "cap-giay-a/cap-giay-a.bpmn", "forms/cap-giay-a-start.form");
    }

    @Test
    void aChangedFormAloneAlsoMakesANewVersionSoRunningDossiersKeepTheirForm() throws IOException {
        writeProcedure("cap-giay-b", "Cấp giấy B", "cap-giay-b-start");
        writeForm("cap-giay-b-start");
        DeployedVersion first = deployOnly("cap-giay-b");

        Files.writeString(
                root.resolve("forms/cap-giay-b-start.form"),
                "{\"id\": \"cap-giay-b-start\", \"type\": \"default\", \"components\": [{\"type\": \"textfield\", \"key\": \"x\"}]}");
        DeployedVersion second = deployOnly("cap-giay-b");

        assertThat(second.version()).isEqualTo(first.version() + 1);
    }

    @Test
    void aBrokenBpmnFailsWithAMessageNamingTheFile() throws IOException {
        writeProcedure("cap-giay-c", "Cấp giấy C", "cap-giay-c-start");
        writeForm("cap-giay-c-start");
        Files.writeString(root.resolve("processes/cap-giay-c/cap-giay-c.bpmn"), "<bpmn:definitions broken");

        assertThatThrownBy(() -> deployOnly("cap-giay-c"))
                .isInstanceOf(ProcedureDefinitionException.class)
                .hasMessageContaining("processes/cap-giay-c/cap-giay-c.bpmn is not valid BPMN");
    }

    @Test
    void aMissingFormFailsWithAMessageNamingTheBpmnAndTheForm() throws IOException {
        writeProcedure("cap-giay-d", "Cấp giấy D", "cap-giay-d-start");

        assertThatThrownBy(() -> deployOnly("cap-giay-d"))
                .isInstanceOf(ProcedureDefinitionException.class)
                .hasMessageContaining("processes/cap-giay-d/cap-giay-d.bpmn refers to form 'cap-giay-d-start'")
                .hasMessageContaining("there is no forms/cap-giay-d-start.form");
        assertThat(repository
                        .createDeploymentQuery()
                        .deploymentName("cap-giay-d")
                        .count())
                .isZero();
    }

    @Test
    void aProcessIdThatDiffersFromTheFolderNameIsRefused() throws IOException {
        writeProcedure("cap-giay-e", "Cấp giấy E", "cap-giay-e-start");
        writeForm("cap-giay-e-start");
        Path bpmn = root.resolve("processes/cap-giay-e/cap-giay-e.bpmn");
        Files.writeString(bpmn, Files.readString(bpmn).replace("id=\"cap-giay-e\"", "id=\"Process_1\""));

        assertThatThrownBy(() -> deployOnly("cap-giay-e"))
                .isInstanceOf(ProcedureDefinitionException.class)
                .hasMessageContaining("must hold exactly one executable process with id 'cap-giay-e'");
    }

    @Test
    void aTypoInProcedureYamlIsAnErrorNotSilentlyIgnored() throws IOException {
        writeProcedure("cap-giay-f", "Cấp giấy F", "cap-giay-f-start");
        writeForm("cap-giay-f-start");
        Path yaml = root.resolve("processes/cap-giay-f/procedure.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("timeLimitWorkingDays", "timeLimitWorkingDay"));

        assertThatThrownBy(() -> deployOnly("cap-giay-f"))
                .isInstanceOf(ProcedureDefinitionException.class)
                .hasMessageContaining("processes/cap-giay-f/procedure.yaml")
                .hasMessageContaining("timeLimitWorkingDay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtime-exec.bpmn", "script-task.bpmn", "script-listener.bpmn"})
    void aModelThatCouldRunCodeIsRefusedByTheDeployerNamingTheFileAndElement(String hostile) throws IOException {
        Path folder = Files.createDirectories(root.resolve("processes/ke-tan-cong"));
        Files.writeString(folder.resolve("procedure.yaml"), DESCRIPTOR.formatted("Tấn công"));
        Files.copy(ModelSafetyTest.HOSTILE.resolve(hostile), folder.resolve("ke-tan-cong.bpmn"));
        Files.createDirectories(root.resolve("forms"));

        assertThatThrownBy(() -> deployOnly("ke-tan-cong"))
                .isInstanceOf(ProcedureDefinitionException.class)
                .hasMessageContaining("processes/ke-tan-cong/ke-tan-cong.bpmn: ")
                .hasMessageContaining(element(hostile));
        assertThat(repository
                        .createDeploymentQuery()
                        .deploymentName("ke-tan-cong")
                        .count())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtime-exec.bpmn", "script-task.bpmn", "script-listener.bpmn"})
    void theEngineItselfRefusesAModelThatCouldRunCodeWhateverPathItTakes(String hostile) throws IOException {
        byte[] model = Files.readAllBytes(ModelSafetyTest.HOSTILE.resolve(hostile));

        assertThatThrownBy(() -> repository
                        .createDeployment()
                        .name("ke-tan-cong-truc-tiep")
                        .addInputStream("ke-tan-cong.bpmn", new ByteArrayInputStream(model))
                        .deploy())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Deployment refused")
                .hasMessageContaining(element(hostile));
        assertThat(repository
                        .createDeploymentQuery()
                        .deploymentName("ke-tan-cong-truc-tiep")
                        .count())
                .isZero();
    }

    private static String element(String hostile) {
        return switch (hostile) {
            case "runtime-exec.bpmn" -> "sequenceFlow Flow_Exec";
            case "script-task.bpmn" -> "scriptTask ScriptTask_Exec";
            default -> "StartEvent_Attack";
        };
    }

    /** Deploys the folder with only the named procedure in it, as the application does at start-up. */
    private DeployedVersion deployOnly(String key) {
        List<DeployedVersion> deployed =
                deployer.deployAll("file:" + root.resolve("processes"), "file:" + root.resolve("forms"));
        return deployed.stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    private void writeProcedure(String key, String name, String formRef) throws IOException {
        Path folder = Files.createDirectories(root.resolve("processes/" + key));
        Files.writeString(folder.resolve("procedure.yaml"), DESCRIPTOR.formatted(name));
        Files.writeString(folder.resolve(key + ".bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="Definitions_Test" targetNamespace="https://motcua.vn/test">
                  <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Submitted" name="Nộp hồ sơ"
                                     camunda:formRef="%s" camunda:formRefBinding="deployment"/>
                    <bpmn:sequenceFlow id="Flow_Done" sourceRef="StartEvent_Submitted" targetRef="EndEvent_Done"/>
                    <bpmn:endEvent id="EndEvent_Done" name="Xong"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, name, formRef));
    }

    private void writeForm(String id) throws IOException {
        Path forms = Files.createDirectories(root.resolve("forms"));
        Files.writeString(
                forms.resolve(id + ".form"), "{\"id\": \"" + id + "\", \"type\": \"default\", \"components\": []}");
    }
}
