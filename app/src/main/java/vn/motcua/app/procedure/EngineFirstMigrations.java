package vn.motcua.app.procedure;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the application's Flyway migrations after the process engine has created or updated its
 * own tables, so migrations may add what the engine's schema lacks (an index, see V2).
 */
@Configuration(proxyBeanMethods = false)
class EngineFirstMigrations {

    @Bean
    static BeanFactoryPostProcessor flywayAfterProcessEngine() {
        return beanFactory -> {
            String[] engines = beanFactory.getBeanNamesForType(ProcessEngine.class, true, false);
            for (String flyway : beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false)) {
                beanFactory.getBeanDefinition(flyway).setDependsOn(engines);
            }
        };
    }
}
