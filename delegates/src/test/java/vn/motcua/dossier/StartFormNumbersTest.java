package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;

/** Numbers beyond what a process variable holds are a problem of the field (400), not a server error (500). */
class StartFormNumbersTest {

    private static final StartForm FORM = form("""
            {"components": [
              {"key": "copyCount", "type": "number", "validate": {"required": true, "min": 1, "max": 100}},
              {"key": "area", "type": "number"}
            ]}
            """);

    static List<Object> beyondTheLongRange() {
        return List.of(
                1e30, // JSON 1e30 arrives as a Double
                new BigInteger("99999999999999999999999"),
                "99999999999999999999999",
                "1e999999999",
                "-1e999999999",
                Double.POSITIVE_INFINITY, // JSON 1e999
                Double.NEGATIVE_INFINITY);
    }

    @ParameterizedTest
    @MethodSource("beyondTheLongRange")
    void aNumberBeyondTheRangeIsAProblemOfItsFieldWithoutALimit(Object value) {
        List<FieldProblem> problems = new ArrayList<>();

        Map<String, Object> variables = FORM.toVariables(Map.of("copyCount", 2, "area", value), problems);

        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("data.area"));
        assertThat(variables).containsOnlyKeys("copyCount");
    }

    @Test
    void aNumberBeyondTheRangeOfAFieldWithLimitsIsToldTheLimit() {
        List<FieldProblem> problems = new ArrayList<>();

        FORM.toVariables(Map.of("copyCount", 1e30), problems);

        assertThat(problems).containsExactly(new FieldProblem("data.copyCount", "must be at most 100"));
    }

    @Test
    void aFractionBeyondTheDoubleRangeIsAProblemOfItsField() {
        List<FieldProblem> problems = new ArrayList<>();

        FORM.toVariables(Map.of("copyCount", 1, "area", "1" + "0".repeat(400) + ".5"), problems);

        assertThat(problems).extracting(FieldProblem::field).containsExactly("data.area");
    }

    @Test
    void numbersWithinTheRangeStayWholeOrFractional() {
        List<FieldProblem> problems = new ArrayList<>();

        Map<String, Object> variables =
                FORM.toVariables(Map.of("copyCount", "2.0", "area", "9223372036854775807"), problems);

        assertThat(problems).isEmpty();
        assertThat(variables).containsEntry("copyCount", 2L).containsEntry("area", Long.MAX_VALUE);
        assertThat(FORM.toVariables(Map.of("copyCount", 3, "area", 12.5), problems))
                .containsEntry("area", 12.5);
    }

    private static StartForm form(String json) {
        return StartForm.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
