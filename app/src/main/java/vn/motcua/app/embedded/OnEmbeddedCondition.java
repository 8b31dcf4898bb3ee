package vn.motcua.app.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** See {@link ConditionalOnEmbedded}. */
class OnEmbeddedCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        EmbeddedServer server = (EmbeddedServer) metadata.getAnnotationAttributes(ConditionalOnEmbedded.class.getName())
                .get("value");
        return server.isEmbedded(context.getEnvironment())
                ? ConditionOutcome.match(server.property() + " is not set: embedded " + server.product())
                : ConditionOutcome.noMatch(server.property() + " is set");
    }
}
