package vn.motcua.app.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda's documented authentication for its REST API: {@link ProcessEngineAuthenticationFilter}
 * with HTTP Basic against the engine's identity service. It sets the engine's current authentication
 * for the request, so the engine's authorization checks apply to the caller. Camunda's own rule, kept
 * as is: {@code GET /engine-rest/engine} (the list of engine names) needs no authentication.
 *
 * <p>Spring Security lets {@code /engine-rest/**} through untouched (see {@link SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
            JerseyApplicationPath restPath) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addUrlPatterns(restPath.getUrlMapping());
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, restPath.getPrefix());
        registration.setAsyncSupported(true); // external task long polling
        // After Spring Security's filter chain (order -100), before anything else of the REST API.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1000);
        return registration;
    }
}
