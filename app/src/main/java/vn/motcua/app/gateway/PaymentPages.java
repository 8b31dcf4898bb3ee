package vn.motcua.app.gateway;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The citizen's page that starts an online payment is a static file (static/thanh-toan/). */
@Configuration(proxyBeanMethods = false)
class PaymentPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/thanh-toan", "/thanh-toan/");
        registry.addViewController("/thanh-toan/").setViewName("forward:/thanh-toan/index.html");
    }
}
