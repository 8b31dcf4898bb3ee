package vn.motcua.app.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import vn.motcua.deadline.DossierDeadlines;
import vn.motcua.payment.RequestPaymentDelegate;
import vn.motcua.result.ReadResultDeliveryDelegate;

/**
 * A plain Camunda engine, as a baseline: no Spring, no application tables, the procedure's BPMN with
 * its status changes resolved to a delegate that does nothing but set the deadline timers' dates. History level and PostgreSQL
 * (version and server settings) are those of the application's embedded default, on a server and
 * database of its own.
 */
final class BareEngine implements AutoCloseable {

    static final String PROCEDURE = "chung-thuc-ban-sao";
    static final String BPMN = "procedures/" + PROCEDURE + "/" + PROCEDURE + ".bpmn";
    static final String FIRST_TASK = "UserTask_ReceiveDossier";

    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final AtomicLong keys = new AtomicLong();

    BareEngine(Path dataDirectory, int poolSize) throws IOException {
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder();
        if (Statements.ENABLED) {
            server.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        postgres = server.setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                // As the application's embedded server (EmbeddedPostgresServer): locale C, synchronous commit on.
                .setLocaleConfig("locale", "C")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(poolSize);
        pool.setAutoCommit(false);
        pool.setPoolName("bare-engine");
        dataSource = new HikariDataSource(pool);

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-" + System.nanoTime());
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        configuration.setJobExecutorActivate(false);
        Map<Object, Object> beans = new HashMap<>();
        beans.put("updateDossierStatus", (JavaDelegate) BareEngine::statusChanged);
        // The application's other delegates write its own tables, which the bare engine has none of: they do nothing.
        beans.put("recordScannedDocuments", (ExecutionListener) execution -> {});
        beans.put("extendTimeLimit", (JavaDelegate) execution -> {});
        // No fee table is evaluated and nothing is asked: the dossier goes on as if it owed nothing.
        beans.put("requestPayment", (JavaDelegate)
                execution -> execution.setVariable(RequestPaymentDelegate.VAR_PAYMENT_DUE, false));
        beans.put("remindPayment", (JavaDelegate) execution -> {});
        beans.put("expirePayment", (JavaDelegate) execution -> {});
        beans.put("produceResult", (JavaDelegate) execution -> {});
        beans.put("signResult", (JavaDelegate) execution -> {});
        // No delivery choice is stored: the result goes back at the desk, as the benchmark's walk expects.
        beans.put("readResultDelivery", (JavaDelegate) execution ->
                execution.setVariable(ReadResultDeliveryDelegate.VAR_RESULT_DELIVERY, ReadResultDeliveryDelegate.DESK));
        configuration.setBeans(beans);
        engine = configuration.buildProcessEngine();
        if (Statements.ENABLED) {
            Statements.enable(dataSource);
        }
        engine.getRepositoryService()
                .createDeployment()
                .name(PROCEDURE)
                .addClasspathResource(BPMN)
                .deploy();
    }

    /**
     * Does nothing but what the processing phase needs to start: the application's deadline clock
     * ({@link DossierDeadlines}) sets the dates its timers read when the dossier is received; here a month ahead,
     * so the timers are created, as in the application, and never fire during a run.
     */
    private static void statusChanged(DelegateExecution execution) {
        if ("RECEIVED".equals(execution.getVariableLocal("status"))) {
            Instant due = Instant.now().plus(Duration.ofDays(30));
            execution.setVariable(DossierDeadlines.VAR_DUE_DATE, Date.from(due));
            execution.setVariable(DossierDeadlines.VAR_WARNING_DATE, Date.from(due.minus(Duration.ofDays(1))));
        }
    }

    ProcessEngine engine() {
        return engine;
    }

    DataSource dataSource() {
        return dataSource;
    }

    String serverVersion() {
        return Sql.string(dataSource, "show server_version");
    }

    /** What the application's submission gives the engine: the start form's fields and the dossier code. */
    static Map<String, Object> startVariables(String code) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("documentName", "Bằng tốt nghiệp THPT");
        variables.put("copyCount", 2L);
        variables.put("pagesPerCopy", 1L);
        variables.put("dossierCode", code);
        return variables;
    }

    /** Starts one instance, as the application does: by key, with a business key; it waits at the first user task. */
    void start() {
        String code = "BARE-" + keys.incrementAndGet();
        engine.getRuntimeService().startProcessInstanceByKey(PROCEDURE, code, startVariables(code));
    }

    /** Starts instances as fast as the engine can: many per transaction, so one flush writes them in JDBC batches. */
    void startInBulk(int count) {
        int perTransaction = 500;
        var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        for (int done = 0; done < count; done += perTransaction) {
            int n = Math.min(perTransaction, count - done);
            commands.execute(context -> {
                for (int i = 0; i < n; i++) {
                    start();
                }
                return null;
            });
        }
    }

    long openInstances() {
        return engine.getRuntimeService().createProcessInstanceQuery().count();
    }

    /** Ids of tasks waiting at the first user task, to complete later. */
    List<String> firstTasks(int count) {
        return engine
                .getTaskService()
                .createTaskQuery()
                .taskDefinitionKey(FIRST_TASK)
                .orderByTaskCreateTime()
                .asc()
                .listPage(0, count)
                .stream()
                .map(Task::getId)
                .toList();
    }

    void complete(String taskId) {
        engine.getTaskService().complete(taskId, Map.of("receiptDecision", "accept"));
    }

    @Override
    public void close() throws IOException {
        engine.close();
        dataSource.close();
        postgres.close();
    }
}
