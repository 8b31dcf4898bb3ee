package vn.motcua.procedure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.calendar.TimeLimitKind;
import vn.motcua.procedure.ProcedureDescriptor.LegalBasis;
import vn.motcua.procedure.ProcedureDescriptor.TimeLimit;

/** Reads and checks {@code procedure.yaml}. Unknown keys are errors, so a designer's typo is not silently ignored. */
public final class ProcedureDescriptorReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ProcedureDescriptorReader() {}

    /**
     * @param key      the procedure key (its folder name)
     * @param location where the file came from, for error messages
     */
    public static ProcedureDescriptor read(String key, InputStream yaml, String location) {
        ProcedureDescriptor descriptor;
        try {
            ObjectNode tree = (ObjectNode) YAML.readTree(yaml);
            if (tree == null) {
                throw new ProcedureDefinitionException(location + " is empty");
            }
            if (tree.has("key")) {
                throw new ProcedureDefinitionException(location + ": remove 'key'; the folder name is the key");
            }
            tree.put("key", key);
            legacyTimeLimit(tree, location);
            legacyLegalBasis(tree);
            descriptor = YAML.treeToValue(tree, ProcedureDescriptor.class);
        } catch (IOException | ClassCastException e) {
            throw new ProcedureDefinitionException(
                    location + " is not a valid procedure description: " + e.getMessage(), e);
        }
        List<String> problems = problems(descriptor);
        if (!problems.isEmpty()) {
            throw new ProcedureDefinitionException(location + ": " + String.join("; ", problems));
        }
        return descriptor;
    }

    private static List<String> problems(ProcedureDescriptor d) {
        List<String> problems = new ArrayList<>();
        if (blank(d.nationalCode())) {
            problems.add("nationalCode is required");
        }
        if (d.name() == null || blank(d.name().vi()) || blank(d.name().en())) {
            problems.add("name.vi and name.en are required");
        }
        if (d.agencyLevel() == null) {
            problems.add("agencyLevel is required (COMMUNE, PROVINCE, DEPARTMENT, POLICE or CENTRAL)");
        }
        if (d.serviceLevel() == null) {
            problems.add("serviceLevel is required (FULL_ONLINE or PARTIAL)");
        }
        TimeLimit limit = d.timeLimit();
        if (limit == null || limit.days() == null || limit.days() < 0) {
            problems.add("timeLimit.days is required: 0 (same day) or more");
        }
        if (limit != null && limit.kind() == null) {
            problems.add(
                    "timeLimit.kind is required: WORKING (ngày làm việc) or CALENDAR (ngày), as the legal text says");
        }
        if (limit != null && (limit.maxExtensionWorkingDays() < 0 || limit.maxExtensionWorkingDays() > 30)) {
            problems.add("timeLimit.maxExtensionWorkingDays must be between 0 and 30");
        }
        for (LegalBasis basis : d.legalBasis()) {
            if (blank(basis.number()) && blank(basis.title())) {
                problems.add("every legalBasis entry needs a number or a title");
            }
            if (!blank(basis.date())) {
                try {
                    LocalDate.parse(basis.date());
                } catch (DateTimeParseException e) {
                    problems.add("legalBasis " + basis.number() + ": date '" + basis.date()
                            + "' is not a date like 2025-06-09");
                }
            }
        }
        for (var fact : d.unconfirmed()) {
            if (blank(fact.about()) || blank(fact.note())) {
                problems.add("every unconfirmed entry needs 'about' (the key) and 'note' (what is not confirmed)");
            }
        }
        for (var doc : d.requiredDocuments()) {
            if (blank(doc.code()) || doc.name() == null || blank(doc.name().vi())) {
                problems.add("every required document needs a code and a Vietnamese name");
            }
        }
        return problems;
    }

    /**
     * Files written before time limits had a kind say {@code timeLimitWorkingDays: N}: read as N working days.
     * Saying both is refused, as the two could disagree.
     */
    private static void legacyTimeLimit(ObjectNode tree, String location) {
        JsonNode old = tree.remove("timeLimitWorkingDays");
        if (old == null) {
            return;
        }
        if (tree.has("timeLimit")) {
            throw new ProcedureDefinitionException(
                    location + ": say the time limit once, either timeLimit (preferred) or timeLimitWorkingDays");
        }
        ObjectNode limit = tree.putObject("timeLimit");
        limit.set("days", old);
        limit.put("kind", TimeLimitKind.WORKING.name());
    }

    /** A legal basis written as one line of text (older files) reads as its title. */
    private static void legacyLegalBasis(ObjectNode tree) {
        if (tree.get("legalBasis") instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isTextual()) {
                    ObjectNode basis = list.objectNode();
                    basis.put("title", list.get(i).asText());
                    list.set(i, basis);
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
