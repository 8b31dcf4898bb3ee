package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelSafetyTest {

    static final Path HOSTILE = Path.of("src/test/resources/hostile-models");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            runtime-exec.bpmn    | sequenceFlow Flow_Exec
            script-task.bpmn     | scriptTask ScriptTask_Exec is a script task
            script-listener.bpmn | script in startEvent StartEvent_Attack holds a script
            """)
    void aModelThatCouldRunCodeIsRefusedNamingTheElement(String file, String element) throws IOException {
        List<String> problems = ModelSafety.problems(file, Files.readAllBytes(HOSTILE.resolve(file)));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains(element));
    }

    @ParameterizedTest
    @MethodSource("shippedModels")
    void everyShippedModelIsSafe(Path model) throws IOException {
        assertThat(ModelSafety.problems(model.getFileName().toString(), Files.readAllBytes(model)))
                .isEmpty();
    }

    static Stream<Path> shippedModels() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("../processes"))) {
            return files
                    .filter(f -> f.toString().endsWith(".bpmn")
                            || f.toString().endsWith(".dmn")
                            || f.toString().endsWith(".xhtml"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${updateDossierStatus}",
                "${receiptDecision == 'accept'}",
                "${approved}",
                "${!approved && copies > 2 || fee / 2 >= 1000}",
                "Lý do: ${withdrawalReason}.",
                "${dueDate}",
                "${a eq 'x' and not empty b}",
                "${'}' == x}",
                "P1D"
            })
    void variablesComparisonsAndArithmeticAreAllowed(String text) {
        assertThat(ModelSafety.expressionProblems(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${execution.getProcessEngineServices()}",
                "${execution.processEngineServices}",
                "${''.getClass()}",
                "${bean.method(execution)}",
                "${now()}",
                "${fn:exec('x')}",
                "${x['class']}",
                "${x = 1}",
                "${x instanceof y}",
                "${(x -> x)(1)}",
                "#{Runtime.getRuntime()}",
                "${unterminated",
                "${'unterminated}"
            })
    void propertyAccessCallsAndEverythingElseAreRefused(String text) {
        assertThat(ModelSafety.expressionProblems(text)).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            camunda:class="org.example.Exec"                | camunda:class
            camunda:delegateExpression="${a.b}"             | name a delegate bean only
            camunda:delegateExpression="${bean} ${other}"   | name a delegate bean only
            camunda:formKey="embedded:deployment:x.html"    | camunda:formKey
            """)
    void classesFormKeysAndDelegateExpressionsBeyondABeanNameAreRefused(String attribute, String message) {
        String bpmn = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:serviceTask id="Task_X" %s/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(attribute);

        assertThat(ModelSafety.problems("p.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(p -> assertThat(p).contains("serviceTask Task_X").contains(message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <decision id="d" expressionLanguage="javascript"/>                 | only FEEL
            <decision id="d"><literalExpression id="e"><text>function(x) external { java: {class: "java.lang.Runtime"} }</text></literalExpression></decision> | external (Java) function
            """)
    void dmnOutsideFeelIsRefused(String decision, String message) {
        String dmn = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"D\">" + decision
                + "</definitions>";

        assertThat(ModelSafety.problems("fee.dmn", dmn.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(p -> assertThat(p).contains(message));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${T(java.lang.Runtime).getRuntime().exec('id')}",
                "${@java.lang.Runtime@getRuntime()}",
                "${duLieu.name.getClass()}",
                "${new java.io.File('x')}",
                "${duLieu['x']}",
                "${#temporals.format(ngayCap, 'dd').length()}"
            })
    void aResultTemplateExpressionBeyondAPathOrADateFormatIsRefused(String expression) {
        String template = "<p xmlns:th=\"http://www.thymeleaf.org\" th:text=\"" + expression + "\">x</p>";
        assertThat(ModelSafety.problems("p-result.xhtml", template.getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    @Test
    void aResultTemplateMayReadPathsFormatDatesAndTestForNull() {
        String template = "<p xmlns:th=\"http://www.thymeleaf.org\" th:if=\"${duLieu.x != null}\""
                + " th:text=\"|Ngày ${#temporals.format(ngayCap, 'dd/MM/yyyy')}: ${duLieu.x}|\">x</p>";
        assertThat(ModelSafety.problems("p-result.xhtml", template.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ModelSafety.problems("p-result.xhtml", "<p th:utext=\"${x}\"/>".getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .asString()
                .contains("th:utext");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run.js", "page.html", "case.cmmn", "x.groovy", "diagram.svg"})
    void resourcesOtherThanModelsFormsAndDescriptorsAreRefused(String name) {
        assertThat(ModelSafety.problems(name, new byte[0]))
                .singleElement()
                .asString()
                .contains("not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>"})
    void xmlWithADoctypeIsRefusedNotExpanded(String xml) {
        assertThat(ModelSafety.problems("x.bpmn", xml.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .asString()
                .contains("not well-formed");
    }

    @Test
    void citizenTextIsNeverTemplatedIntoMarkdownOfAClerksForm() {
        byte[] start = """
                {"id": "p-start", "components": [{"id": "Field_purpose", "key": "purpose", "type": "textfield"}]}
                """.getBytes(StandardCharsets.UTF_8);
        byte[] task = """
                {"id": "p-task", "components": [
                  {"id": "Text_Heading", "type": "text", "text": "## Hồ sơ {{dossierCode}}"},
                  {"id": "Text_Purpose", "type": "text", "text": "Mục đích: {{purpose}}"}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(ModelSafety.formTextProblems(Map.of("forms/p-start.form", start, "forms/p-task.form", task)))
                .containsExactly("forms/p-task.form: text component Text_Purpose shows free text 'purpose' as Markdown;"
                        + " show it in a disabled field instead");
    }

    @Test
    void theShippedFormsShowNoFreeTextAsMarkdown() throws IOException {
        Map<String, byte[]> forms = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("../forms"))) {
            for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                forms.put(form.getFileName().toString(), Files.readAllBytes(form));
            }
        }

        assertThat(forms).isNotEmpty();
        assertThat(ModelSafety.formTextProblems(forms)).isEmpty();
    }
}
