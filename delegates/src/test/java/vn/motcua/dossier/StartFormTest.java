package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;

/** The start form's rules, checked on a form written here: no engine, no database, no Spring. */
class StartFormTest {

    private static final String FORM = """
            {"components": [
              {"key": "name", "type": "textfield", "validate": {"required": true, "minLength": 2, "maxLength": 10}},
              {"key": "identityNumber", "type": "textfield", "validate": {"pattern": "\\\\d{12}"}},
              {"key": "copies", "type": "number", "validate": {"required": true, "min": 1, "max": 5}},
              {"key": "kind", "type": "radio", "values": [{"value": "a"}, {"value": "b"}]},
              {"key": "agreed", "type": "checkbox"},
              {"key": "spouse", "type": "textfield", "validate": {"required": true}, "conditional": {"hide": "=married"}},
              {"type": "group", "components": [{"key": "note", "type": "textarea"}]},
              {"key": "signature", "type": "filepicker"}
            ]}""";

    private final StartForm form = parse(FORM);
    private final List<FieldProblem> problems = new ArrayList<>();

    @Test
    void validDataBecomesVariablesOfTheFieldsTypes() {
        Map<String, Object> variables = form.toVariables(
                Map.of(
                        "name", "Đoàn",
                        "identityNumber", "001090012345",
                        "copies", 2,
                        "kind", "b",
                        "agreed", true,
                        "note", "Ghi chú trong nhóm"),
                problems);

        assertThat(problems).isEmpty();
        assertThat(variables)
                .containsExactly(
                        Map.entry("name", "Đoàn"),
                        Map.entry("identityNumber", "001090012345"),
                        Map.entry("copies", 2L),
                        Map.entry("kind", "b"),
                        Map.entry("agreed", true),
                        Map.entry("note", "Ghi chú trong nhóm"));
    }

    @Test
    void wholeNumbersBecomeLongsAndFractionsDoubles() {
        assertThat(form.toVariables(Map.of("name", "An", "copies", "3"), problems))
                .containsEntry("copies", 3L);
        assertThat(form.toVariables(Map.of("name", "An", "copies", 2.0), problems))
                .containsEntry("copies", 2L);
        assertThat(form.toVariables(Map.of("name", "An", "copies", 2.5), problems))
                .containsEntry("copies", 2.5);
        assertThat(problems).isEmpty();
    }

    @Test
    void aMissingOrBlankRequiredFieldIsNamedButAConditionalOneIsNot() {
        Map<String, Object> data = new HashMap<>();
        data.put("name", "   ");

        Map<String, Object> variables = form.toVariables(data, problems);

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        new FieldProblem("data.name", "is required"), new FieldProblem("data.copies", "is required"));
        assertThat(variables).isEmpty();
    }

    @Test
    void everyBrokenRuleIsListedAtOnceWithItsField() {
        Map<String, Object> data = new HashMap<>();
        data.put("name", "Nguyễn Văn Đoàn Dài");
        data.put("identityNumber", "12345");
        data.put("copies", 9);
        data.put("kind", "c");
        data.put("agreed", "yes");
        data.put("spouse", 42);
        data.put("signature", "x");
        data.put("unknown", "x");

        form.toVariables(data, problems);

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        new FieldProblem("data.name", "must have at most 10 characters"),
                        new FieldProblem("data.identityNumber", "does not have the expected form"),
                        new FieldProblem("data.copies", "must be at most 5"),
                        new FieldProblem("data.kind", "must be one of the form's choices"),
                        new FieldProblem("data.agreed", "must be true or false"),
                        new FieldProblem("data.spouse", "must be text"),
                        new FieldProblem("data.signature", "has a field type (filepicker) that cannot be submitted"),
                        new FieldProblem("data.unknown", "is not a field of this procedure's form"));
    }

    @Test
    void limitsBelowTheMinimumAreNamedToo() {
        form.toVariables(Map.of("name", "A", "copies", 0), problems);

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        new FieldProblem("data.name", "must have at least 2 characters"),
                        new FieldProblem("data.copies", "must be at least 1"));
    }

    @Test
    void textThatIsNotANumberIsRefusedAsSuch() {
        Map<String, Object> variables = form.toVariables(Map.of("name", "An", "copies", "hai"), problems);

        assertThat(problems).containsExactly(new FieldProblem("data.copies", "must be a number"));
        assertThat(variables).doesNotContainKey("copies");
    }

    @Test
    void aFormWithABrokenPatternFailsNamingTheField() {
        StartForm broken = parse("""
                {"components": [{"key": "code", "type": "textfield", "validate": {"pattern": "(["}}]}""");

        assertThatThrownBy(() -> broken.toVariables(Map.of("code", "x"), problems))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data.code");
    }

    @Test
    void aFormThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> parse("{not json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid JSON");
    }

    private static StartForm parse(String json) {
        return StartForm.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
