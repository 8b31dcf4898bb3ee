package vn.motcua.app.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the server is embedded ({@link EmbeddedServer#isEmbedded}). Boot's
 * {@code @ConditionalOnProperty(matchIfMissing = true)} cannot say this: it also matches when the property is set
 * to anything but {@code false}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnEmbeddedCondition.class)
public @interface ConditionalOnEmbedded {

    EmbeddedServer value();
}
