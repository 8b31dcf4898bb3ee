package vn.motcua.app.agency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.io.Resource;

/**
 * The agencies file an operator edits (docs/agencies.md): a YAML document with a list {@code agencies}, each an
 * {@link AgencyDefinition}. Loading it creates the agencies it lists and updates them to what it says; agencies
 * it does not list are left as they are.
 */
public final class AgencyFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AgencyFile() {}

    record Contents(List<AgencyDefinition> agencies) {}

    /** @throws AgencyDefinitionException naming the file and what is wrong */
    public static List<AgencyDefinition> read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            Contents contents = YAML.readValue(in, Contents.class);
            if (contents == null
                    || contents.agencies() == null
                    || contents.agencies().isEmpty()) {
                throw new AgencyDefinitionException(resource.getDescription() + " lists no agencies");
            }
            return contents.agencies();
        } catch (IOException e) {
            throw new AgencyDefinitionException(
                    resource.getDescription() + " is not a valid agencies file: " + e.getMessage());
        }
    }
}
