package vn.motcua.app.citizen;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The citizen's pages are static files (static/tra-cuu/, static/kiem-tra-chu-ky/); their folders answer with their
 * index page.
 */
@Configuration(proxyBeanMethods = false)
class CitizenPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/tra-cuu", "/tra-cuu/");
        registry.addViewController("/tra-cuu/").setViewName("forward:/tra-cuu/index.html");
        registry.addRedirectViewController("/kiem-tra-chu-ky", "/kiem-tra-chu-ky/");
        registry.addViewController("/kiem-tra-chu-ky/").setViewName("forward:/kiem-tra-chu-ky/index.html");
    }
}
