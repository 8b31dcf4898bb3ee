package vn.motcua.app;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.motcua.engine.EngineClock;

/**
 * The one-stop shop: one Spring Boot application with an embedded Camunda 7 engine. It scans the whole
 * {@code vn.motcua} tree: the engine-side core from the delegates module and this module's adapters.
 */
@SpringBootApplication(scanBasePackages = "vn.motcua")
@ConfigurationPropertiesScan("vn.motcua")
@EnableScheduling
public class MotcuaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotcuaApplication.class, args);
    }

    /** The engine's clock, for everything that needs the time (see {@link EngineClock}). */
    @Bean
    Clock clock() {
        return new EngineClock();
    }
}
