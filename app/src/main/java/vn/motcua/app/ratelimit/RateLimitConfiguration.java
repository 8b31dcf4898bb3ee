package vn.motcua.app.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** The rate-limit filter on every path, ahead of Spring Security and Camunda's own filters. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /**
     * The filter is made while the web server starts, before the context's ordinary beans: it binds its settings
     * itself (with their defaults) rather than wait for the {@code @ConfigurationProperties} bean.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(Environment environment, ObjectMapper json) {
        RateLimitProperties properties =
                Binder.get(environment).bindOrCreate(RateLimitProperties.PREFIX, RateLimitProperties.class);
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(new RateLimits(properties), json));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("motcuaRateLimit");
        return registration;
    }
}
