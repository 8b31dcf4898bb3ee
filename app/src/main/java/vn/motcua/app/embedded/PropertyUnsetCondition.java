package vn.motcua.app.embedded;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** See {@link ConditionalOnPropertyUnset}. */
class PropertyUnsetCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String name = (String) metadata.getAnnotationAttributes(ConditionalOnPropertyUnset.class.getName())
                .get("value");
        return values(context.getEnvironment(), name).isEmpty()
                ? ConditionOutcome.match(name + " is not set")
                : ConditionOutcome.noMatch(name + " is set");
    }

    /**
     * The property's non-blank values. Bound as a list so that every way of setting it counts: a plain value,
     * a YAML list ({@code uris[0]}), a comma-separated value or an environment variable.
     */
    static List<String> values(Environment environment, String name) {
        return Binder.get(environment)
                .bind(name, Bindable.listOf(String.class))
                .map(list -> list.stream().filter(StringUtils::hasText).toList())
                .orElse(List.of());
    }
}
