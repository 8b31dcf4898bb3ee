package vn.motcua.app.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages' language: Vietnamese unless the visitor chose English. {@code ?lang=vi} or {@code ?lang=en} on any page
 * switches it and a cookie ({@value #LANGUAGE_COOKIE}) keeps the choice; any other value is ignored. The browser's
 * own language is not consulted: the language of record is Vietnamese.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_PARAMETER = "lang";
    static final String LANGUAGE_COOKIE = "MOTCUA-LANG";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocale(Languages.VIETNAMESE);
        resolver.setDefaultLocaleFunction(request -> Languages.VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(localeResolver()));
    }

    /** Sets the language from {@code ?lang=} when it is one the pages speak. */
    private record LanguageSwitch(LocaleResolver resolver) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String asked = request.getParameter(LANGUAGE_PARAMETER);
            Locale locale = Languages.of(asked);
            if (asked != null && locale != null) {
                resolver.setLocale(request, response, locale);
            }
            return true;
        }
    }
}
