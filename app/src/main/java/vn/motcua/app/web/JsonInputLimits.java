package vn.motcua.app.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every JSON request body may hold, whatever the endpoint (so endpoints added later inherit it): text of at
 * most {@value #MAX_TEXT} characters (Camunda stores a text variable in 4,000 characters) without control
 * characters other than tab and line breaks (PostgreSQL refuses a NUL; the others hide text from a reader), and
 * days only as {@code yyyy-MM-dd} text (a number would be taken as days since 1970). A breach is answered 400
 * naming the field ({@link ApiProblems}).
 */
@Configuration(proxyBeanMethods = false)
class JsonInputLimits {

    static final int MAX_TEXT = 4000;

    /** Registered with the application's ObjectMapper by Spring Boot, as every {@code Module} bean. */
    @Bean
    SimpleModule checkedStringsModule() {
        SimpleModule module = new SimpleModule("motcua-json-input-limits");
        module.addDeserializer(String.class, new CheckedStrings());
        return module;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictDays() {
        return builder -> builder.postConfigurer(
                mapper -> mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false)));
    }

    /** Strings as Jackson reads them, refused when too long or holding control characters. */
    static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String value = super.deserialize(p, context);
            if (value == null) {
                return null;
            }
            if (value.length() > MAX_TEXT) {
                throw InvalidFormatException.from(
                        p,
                        "must have at most " + MAX_TEXT + " characters",
                        "(" + value.length() + " characters)",
                        String.class);
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    throw InvalidFormatException.from(
                            p,
                            "must not contain control characters (U+" + String.format("%04X", (int) c) + ")",
                            "(text with a control character)",
                            String.class);
                }
            }
            return value;
        }
    }
}
