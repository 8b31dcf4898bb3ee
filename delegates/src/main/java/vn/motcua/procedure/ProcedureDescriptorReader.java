package vn.motcua.procedure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

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
        if (d.timeLimitWorkingDays() == null || d.timeLimitWorkingDays() < 0) {
            problems.add("timeLimitWorkingDays is required: 0 (same day) or more");
        }
        for (var doc : d.requiredDocuments()) {
            if (blank(doc.code()) || doc.name() == null || blank(doc.name().vi())) {
                problems.add("every required document needs a code and a Vietnamese name");
            }
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
