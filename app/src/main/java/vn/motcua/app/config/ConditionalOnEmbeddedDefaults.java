package vn.motcua.app.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers the annotated bean or configuration only when the application runs on its embedded
 * defaults ({@link EmbeddedDefaults#isActive}), or, with {@code @ConditionalOnEmbeddedDefaults(false)},
 * only when it does not.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnEmbeddedDefaultsCondition.class)
public @interface ConditionalOnEmbeddedDefaults {

    /** {@code true}: match in embedded mode; {@code false}: match when configured for real infrastructure. */
    boolean value() default true;
}
