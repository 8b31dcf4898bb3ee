package vn.motcua.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import vn.motcua.agency.TaskRoutingPlugin;
import vn.motcua.deadline.TaskDueDates;
import vn.motcua.engine.EngineClock;
import vn.motcua.procedure.ModelSafetyPlugin;
import vn.motcua.procedure.ProcedureDeployer;
import vn.motcua.signature.TestCertificateAuthority;

/**
 * The process engine as the application wires it, minus HTTP: real delegates, the application's
 * Flyway schema and the engine on a real PostgreSQL (embedded binaries), with the job executor off so
 * tests drive timers and asynchronous steps themselves. One per test JVM.
 */
public final class ProcessTestPlatform {

    /** The province of the test agencies. */
    public static final String TEST_PROVINCE = "000.00.00.H99";
    /** The receiving agency the test data uses, a commune of {@link #TEST_PROVINCE}. */
    public static final String TEST_AGENCY = "000.00.99.H99";
    /** The province's police, competent for judicial records. */
    public static final String TEST_POLICE = "000.00.01.H99";

    private static AnnotationConfigApplicationContext context;

    private ProcessTestPlatform() {}

    public static synchronized AnnotationConfigApplicationContext context() {
        if (context == null) {
            context = new AnnotationConfigApplicationContext(Wiring.class);
            context.getBean(Flyway.class);
            context.registerShutdownHook();
        }
        return context;
    }

    public static ProcessEngine engine() {
        return context().getBean(ProcessEngine.class);
    }

    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    @Configuration
    @ComponentScan("vn.motcua")
    @ConfigurationPropertiesScan("vn.motcua") // the settings records, bound and validated as in the application
    static class Wiring {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for process tests", e);
            }
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedPostgres postgres) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setMaximumPoolSize(8);
            config.setConnectionTimeout(5_000);
            return new HikariDataSource(config);
        }

        /** As in the application: the application's migrations run once the engine has made its tables. */
        @Bean
        Flyway flyway(DataSource dataSource, ProcessEngine engine) {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load();
            flyway.migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String insert = "insert into agency (code, name, level, parent_code, province_code) values (?, ?, ?, ?, ?)";
            jdbc.update(insert, TEST_PROVINCE, "UBND tỉnh Thử Nghiệm", "PROVINCE", null, TEST_PROVINCE);
            jdbc.update(insert, TEST_POLICE, "Công an tỉnh Thử Nghiệm", "POLICE", TEST_PROVINCE, TEST_PROVINCE);
            jdbc.update(insert, TEST_AGENCY, "UBND xã Thử Nghiệm", "COMMUNE", TEST_PROVINCE, TEST_PROVINCE);
            return flyway;
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        Clock clock() {
            return new EngineClock();
        }

        @Bean
        SpringProcessEngineConfiguration processEngineConfiguration(
                DataSource dataSource,
                PlatformTransactionManager transactionManager,
                TaskRoutingPlugin taskRouting,
                TaskDueDates taskDueDates) {
            SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
            // As in the application: user tasks go to their dossier's agencies and carry its due date; no model may
            // run code.
            configuration.setProcessEnginePlugins(List.of(taskRouting, taskDueDates, new ModelSafetyPlugin()));
            configuration.setProcessEngineName("process-test");
            configuration.setDataSource(dataSource);
            configuration.setTransactionManager(transactionManager);
            configuration.setDatabaseSchemaUpdate("true");
            configuration.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_AUDIT);
            configuration.setJobExecutorActivate(false);
            configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
            configuration.setJavaSerializationFormatEnabled(false);
            // Nothing to write when the JVM exits: the embedded PostgreSQL stops in its own shutdown hook.
            configuration.setMetricsEnabled(false);
            configuration.setDbMetricsReporterActivate(false);
            return configuration;
        }

        @Bean
        ProcessEngineFactoryBean processEngine(SpringProcessEngineConfiguration configuration) {
            ProcessEngineFactoryBean factory = new ProcessEngineFactoryBean();
            factory.setProcessEngineConfiguration(configuration);
            return factory;
        }

        @Bean
        RepositoryService repositoryService(ProcessEngine engine) {
            return engine.getRepositoryService();
        }

        @Bean
        RuntimeService runtimeService(ProcessEngine engine) {
            return engine.getRuntimeService();
        }

        @Bean
        DecisionService decisionService(ProcessEngine engine) {
            return engine.getDecisionService();
        }

        @Bean
        FormService formService(ProcessEngine engine) {
            return engine.getFormService();
        }

        @Bean
        TaskService taskService(ProcessEngine engine) {
            return engine.getTaskService();
        }

        @Bean
        HistoryService historyService(ProcessEngine engine) {
            return engine.getHistoryService();
        }

        @Bean
        ManagementService managementService(ProcessEngine engine) {
            return engine.getManagementService();
        }

        @Bean
        IdentityService identityService(ProcessEngine engine) {
            return engine.getIdentityService();
        }

        /** As the embedded defaults do: a local test CA, here in a temporary folder, issuing the agencies' keys. */
        @Bean
        TestCertificateAuthority testCertificateAuthority() throws IOException {
            return TestCertificateAuthority.openOrCreate(Files.createTempDirectory("motcua-signing-"));
        }

        @Bean
        ProcedureDeployer procedureDeployer(RepositoryService repositoryService, ApplicationContext resources) {
            return new ProcedureDeployer(repositoryService, resources);
        }
    }
}
