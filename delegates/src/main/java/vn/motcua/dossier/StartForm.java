package vn.motcua.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;

/**
 * A procedure's start form (Camunda Forms JSON), used to check the data a citizen submits without
 * a browser: the same fields, types, required flags, limits and choices the form shows.
 * Fields the form shows only under a condition are not required here (the condition is a FEEL
 * expression evaluated in the browser); their values are still type-checked.
 */
public final class StartForm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "datetime");
    private static final Set<String> CHOICE_TYPES = Set.of("radio", "select");

    private final List<JsonNode> fields;

    private StartForm(List<JsonNode> fields) {
        this.fields = fields;
    }

    public static StartForm parse(InputStream json) {
        try {
            List<JsonNode> fields = new ArrayList<>();
            collectFields(JSON.readTree(json).path("components"), fields);
            return new StartForm(fields);
        } catch (IOException e) {
            throw new IllegalStateException("The deployed start form is not valid JSON", e);
        }
    }

    /** Fields inside groups and other containers count as the form's own. */
    private static void collectFields(JsonNode components, List<JsonNode> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                fields.add(component);
            }
            collectFields(component.path("components"), fields);
        }
    }

    /**
     * Checks submitted values and turns them into process variables of the types the form's fields hold.
     *
     * @param problems receives one entry per broken rule, named {@code data.<key>}
     */
    public Map<String, Object> toVariables(Map<String, Object> data, List<FieldProblem> problems) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (JsonNode field : fields) {
            String key = field.get("key").asText();
            known.add(key);
            Object value = data.get(key);
            String name = "data." + key;
            boolean blank = value == null || (value instanceof String s && s.isBlank());
            if (blank) {
                if (field.path("validate").path("required").asBoolean(false) && !field.has("conditional")) {
                    problems.add(new FieldProblem(name, "is required"));
                }
                continue;
            }
            Object converted = convert(field, value, name, problems);
            if (converted != null) {
                variables.put(key, converted);
            }
        }
        for (String key : data.keySet()) {
            if (!known.contains(key)) {
                problems.add(new FieldProblem("data." + key, "is not a field of this procedure's form"));
            }
        }
        return variables;
    }

    private static Object convert(JsonNode field, Object value, String name, List<FieldProblem> problems) {
        String type = field.path("type").asText();
        JsonNode validate = field.path("validate");
        if (type.equals("number")) {
            BigDecimal number = number(value);
            if (number == null) {
                problems.add(new FieldProblem(name, "must be a number"));
                return null;
            }
            int problemsBefore = problems.size();
            if (validate.has("min") && number.compareTo(validate.get("min").decimalValue()) < 0) {
                problems.add(new FieldProblem(
                        name, "must be at least " + validate.get("min").asText()));
            }
            if (validate.has("max") && number.compareTo(validate.get("max").decimalValue()) > 0) {
                problems.add(new FieldProblem(
                        name, "must be at most " + validate.get("max").asText()));
            }
            Object variable = variable(number);
            if (variable == null && problems.size() == problemsBefore) {
                problems.add(new FieldProblem(
                        name, "is out of range: a number lies between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE));
            }
            return variable;
        }
        if (type.equals("checkbox")) {
            if (value instanceof Boolean b) {
                return b;
            }
            problems.add(new FieldProblem(name, "must be true or false"));
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(new FieldProblem(name, "must be text"));
            return null;
        }
        if (CHOICE_TYPES.contains(type)) {
            boolean allowed = false;
            for (JsonNode option : field.path("values")) {
                allowed |= option.path("value").asText().equals(text);
            }
            if (!allowed) {
                problems.add(new FieldProblem(name, "must be one of the form's choices"));
            }
            return text;
        }
        if (!TEXT_TYPES.contains(type)) {
            problems.add(new FieldProblem(name, "has a field type (" + type + ") that cannot be submitted"));
            return null;
        }
        if (validate.has("minLength")
                && text.length() < validate.get("minLength").asInt()) {
            problems.add(new FieldProblem(
                    name, "must have at least " + validate.get("minLength").asInt() + " characters"));
        }
        if (validate.has("maxLength")
                && text.length() > validate.get("maxLength").asInt()) {
            problems.add(new FieldProblem(
                    name, "must have at most " + validate.get("maxLength").asInt() + " characters"));
        }
        if (validate.hasNonNull("pattern")) {
            try {
                if (!Pattern.compile(validate.get("pattern").asText())
                        .matcher(text)
                        .matches()) {
                    problems.add(new FieldProblem(name, "does not have the expected form"));
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(
                        "The start form's pattern for " + name + " is not a valid regular expression", e);
            }
        }
        return text;
    }

    /** Null for what is not a finite number (JSON's 1e999 arrives as an infinite Double). */
    private static BigDecimal number(Object value) {
        String text = value instanceof Number || value instanceof String
                ? value.toString().trim()
                : null;
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A whole number as a Long, any other as a Double, the types a process variable holds; null when the number
     * does not fit them (beyond the long range, or a fraction beyond the double range), so it is reported as a
     * field problem instead of failing the request.
     */
    private static Object variable(BigDecimal number) {
        BigDecimal whole = number.stripTrailingZeros();
        if (number.scale() <= 0 || whole.scale() <= 0) {
            try {
                return whole.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return null;
            }
        }
        double fraction = number.doubleValue();
        return Double.isFinite(fraction) ? fraction : null;
    }
}
