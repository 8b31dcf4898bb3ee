package vn.motcua.app.config;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnEmbeddedDefaults}. */
class OnEmbeddedDefaultsCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes =
                metadata.getAnnotationAttributes(ConditionalOnEmbeddedDefaults.class.getName());
        boolean wanted = attributes == null || (Boolean) attributes.get("value");
        boolean active = EmbeddedDefaults.isActive(context.getEnvironment());
        String state = active
                ? "embedded defaults active (" + EmbeddedDefaults.DATASOURCE_URL_PROPERTY + " not set)"
                : "configured infrastructure (" + EmbeddedDefaults.DATASOURCE_URL_PROPERTY + " set)";
        return active == wanted ? ConditionOutcome.match(state) : ConditionOutcome.noMatch(state);
    }
}
