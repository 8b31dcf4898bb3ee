package vn.motcua.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import vn.motcua.app.embedded.EmbeddedServer;

/**
 * Demo accounts exist on the embedded PostgreSQL and nowhere else, unless {@value #PROPERTY} is set
 * explicitly: {@code false} to go without them on the embedded defaults, {@code true} for a test or
 * training instance on a configured database.
 */
class DemoAccountsCondition extends SpringBootCondition {

    static final String PROPERTY = "motcua.security.demo-accounts";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        Boolean explicit = environment.getProperty(PROPERTY, Boolean.class);
        if (explicit != null) {
            return new ConditionOutcome(explicit, PROPERTY + "=" + explicit);
        }
        boolean embedded = EmbeddedServer.POSTGRES.isEmbedded(environment);
        return new ConditionOutcome(embedded, embedded ? "embedded PostgreSQL" : "configured database");
    }
}
