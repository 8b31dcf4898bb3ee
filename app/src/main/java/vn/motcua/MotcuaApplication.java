package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one-stop shop: one Spring Boot application with an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MotcuaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotcuaApplication.class, args);
    }
}
