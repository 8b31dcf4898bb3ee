package vn.motcua.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.procedure.ProcedureDeployer;
import vn.motcua.testing.ProcessTestPlatform;

/** The generic fee quote on the engine: no fee table, the latest version's table, refused data, unknown keys. */
class FeeQuotesTest {

    @TempDir
    Path root;

    private final FeeQuotes quotes = ProcessTestPlatform.bean(FeeQuotes.class);
    private final ProcedureDeployer deployer = ProcessTestPlatform.bean(ProcedureDeployer.class);

    @Test
    void aProcedureWithoutAFeeTableCostsNothing() throws IOException {
        writeProcedure("thu-phi-khong-co");
        deploy();

        FeeQuote quote = quotes.quote("thu-phi-khong-co", Map.of("soBan", 2));

        assertThat(quote.amount()).isZero();
        assertThat(quote.currency()).isEqualTo("VND");
        assertThat(quote.items()).isEmpty();
        assertThat(quote.legalBasis()).isNull();
    }

    @Test
    void theQuoteFollowsTheFeeTableOfTheLatestDeployedVersion() throws IOException {
        writeProcedure("thu-phi-theo-ban");
        writeFeeTable("thu-phi-theo-ban", "soBan * 1000");
        deploy();
        assertThat(quotes.quote("thu-phi-theo-ban", Map.of("soBan", 3)).amount())
                .isEqualTo(3_000);

        writeFeeTable("thu-phi-theo-ban", "soBan * 2000");
        deploy();
        FeeQuote quote = quotes.quote("thu-phi-theo-ban", Map.of("soBan", 3));

        assertThat(quote.amount()).isEqualTo(6_000);
        assertThat(quote.items()).containsExactly(new FeeQuote.Item("Phí thử nghiệm", 6_000));
        assertThat(quote.legalBasis()).isEqualTo("Văn bản thử nghiệm");
    }

    @Test
    void dataTheStartFormRefusesAndUnknownProceduresAreNotQuoted() throws IOException {
        writeProcedure("thu-phi-kiem-tra");
        deploy();

        assertThatThrownBy(() -> quotes.quote("thu-phi-kiem-tra", Map.of("soBan", 0, "khac", "x")))
                .isInstanceOfSatisfying(
                        InvalidFeeDataException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactlyInAnyOrder("data.soBan", "data.khac"));
        assertThatThrownBy(() -> quotes.quote("khong-co-thu-tuc-nay", Map.of()))
                .isInstanceOf(UnknownProcedureException.class);
    }

    private void deploy() {
        deployer.deployAll("file:" + root.resolve("processes"), "file:" + root.resolve("forms"));
    }

    private void writeProcedure(String key) throws IOException {
        Path folder = Files.createDirectories(root.resolve("processes/" + key));
        Files.writeString(folder.resolve("procedure.yaml"), """
                nationalCode: "1.000001"
                name:
                  vi: Thủ tục thử nghiệm
                  en: Test procedure
                agencyLevel: COMMUNE
                timeLimitWorkingDays: 3
                serviceLevel: PARTIAL
                """);
        Files.writeString(folder.resolve(key + ".bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="Definitions_Test" targetNamespace="https://motcua.vn/test">
                  <bpmn:process id="%1$s" name="Thủ tục thử nghiệm" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Submitted" name="Nộp hồ sơ"
                                     camunda:formRef="%1$s-start" camunda:formRefBinding="deployment"/>
                    <bpmn:sequenceFlow id="Flow_Done" sourceRef="StartEvent_Submitted" targetRef="EndEvent_Done"/>
                    <bpmn:endEvent id="EndEvent_Done" name="Xong"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key));
        Path forms = Files.createDirectories(root.resolve("forms"));
        Files.writeString(forms.resolve(key + "-start.form"), """
                {"id": "%s-start", "type": "default", "components": [
                  {"id": "Field_soBan", "key": "soBan", "label": "Số bản", "type": "number",
                   "validate": {"required": true, "min": 1}}]}
                """.formatted(key));
    }

    private void writeFeeTable(String key, String amount) throws IOException {
        Files.writeString(root.resolve("processes/" + key + "/" + key + "-fee.dmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_Fee" name="Phí thử nghiệm" namespace="https://motcua.vn/test">
                  <decision id="%s-fee" name="Phí thử nghiệm" camunda:historyTimeToLive="30">
                    <decisionTable id="DecisionTable_Fee" hitPolicy="COLLECT">
                      <input id="Input_SoBan" label="Số bản">
                        <inputExpression id="InputExpression_SoBan" typeRef="long"><text>soBan</text></inputExpression>
                      </input>
                      <output id="Output_ItemName" name="itemName" typeRef="string"/>
                      <output id="Output_Amount" name="amount" typeRef="long"/>
                      <output id="Output_LegalBasis" name="legalBasis" typeRef="string"/>
                      <rule id="Rule_PerCopy">
                        <inputEntry id="InputEntry_PerCopy"><text>&gt;= 1</text></inputEntry>
                        <outputEntry id="OutputEntry_Name"><text>"Phí thử nghiệm"</text></outputEntry>
                        <outputEntry id="OutputEntry_Amount"><text>%s</text></outputEntry>
                        <outputEntry id="OutputEntry_Basis"><text>"Văn bản thử nghiệm"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key, amount));
    }
}
