package vn.motcua.app.gateway.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import vn.motcua.app.embedded.ConditionalOnEmbedded;
import vn.motcua.app.embedded.EmbeddedServer;

/** The embedded defaults (no {@code spring.datasource.url}) and no VNPAY terminal ({@code motcua.payments.vnpay.tmn-code}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnEmbedded(EmbeddedServer.POSTGRES)
@ConditionalOnExpression("'${motcua.payments.vnpay.tmn-code:}'.isEmpty()")
@interface ConditionalOnGatewaySimulator {}
