package vn.motcua.app.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import vn.motcua.app.security.DemoAccounts;
import vn.motcua.app.testing.Multipart;
import vn.motcua.app.testing.TestApplication;
import vn.motcua.app.testing.Uploads;
import vn.motcua.dossier.DossierChanges;

/**
 * The whole application on its embedded defaults (real PostgreSQL, real Elasticsearch) in a fresh data folder,
 * shared by the tests of one class, with helpers to make dossiers and to ask the search as a given user.
 */
final class SearchTestApplication implements AutoCloseable {

    static final String AGENCY = DemoAccounts.AGENCY_CODE;
    static final String OTHER_AGENCY = "000.00.98.H98";
    /** A desk clerk of {@link #OTHER_AGENCY} only. */
    static final String OTHER_CLERK = "tiepnhan98";
    /** A desk clerk who belongs to no agency. */
    static final String CLERK_WITHOUT_AGENCY = "tiepnhan00";

    static final String PASSWORD = DemoAccounts.PASSWORD;

    private static final ObjectMapper JSON = new ObjectMapper();

    final TestApplication application;
    final Path dataDir;
    final ConfigurableApplicationContext context;
    final RestClient http;
    final JdbcTemplate jdbc;
    final TransactionTemplate transaction;

    private SearchTestApplication(TestApplication application) {
        this.application = application;
        this.dataDir = application.dataDir();
        this.context = application.context();
        this.http = application
                .http()
                .mutate()
                .defaultStatusHandler(status -> true, (request, response) -> {}) // tests look at every status
                .build();
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    static SearchTestApplication start(String... extraArguments) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--motcua.outbox.poll-interval=PT0.1S",
                "--motcua.outbox.first-retry=PT0.5S",
                "--motcua.search.max-retry=PT2S"));
        arguments.addAll(List.of(extraArguments));
        SearchTestApplication app =
                new SearchTestApplication(TestApplication.start("search-it", arguments.toArray(String[]::new)));
        app.createOtherAgencyAndClerks();
        return app;
    }

    private void createOtherAgencyAndClerks() {
        jdbc.update(
                "insert into agency (code, name, level) values (?, 'UBND xã Thử Nghiệm', 'COMMUNE') on conflict do nothing",
                OTHER_AGENCY);
        IdentityService identity = context.getBean(IdentityService.class);
        for (String id : List.of(OTHER_CLERK, CLERK_WITHOUT_AGENCY, "congdan01")) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setPassword(PASSWORD);
                identity.saveUser(user);
                if (!id.equals("congdan01")) {
                    identity.createMembership(id, "tiepnhan");
                }
            }
        }
        jdbc.update(
                "insert into staff_agency (user_id, agency_code) values (?, ?) on conflict do nothing",
                OTHER_CLERK,
                OTHER_AGENCY);
    }

    String baseUrl() {
        return application.baseUrl();
    }

    <T> T bean(Class<T> type) {
        return application.bean(type);
    }

    /** A dossier through the public API (chung-thuc-ban-sao), as a citizen submits it; returns its code. */
    String submit(String agency, String name, String identityNumber, String phone) {
        Map<String, Object> applicant = new java.util.HashMap<>();
        applicant.put("name", name);
        if (identityNumber != null) {
            applicant.put("identityNumber", identityNumber);
        }
        if (phone != null) {
            applicant.put("phone", phone);
        }
        applicant.put("address", "Số 12 đường Lê Lợi, phường Bến Thành");
        Multipart form = Multipart.form()
                .json(
                        "dossier",
                        JSON.valueToTree(Map.of(
                                        "procedureKey",
                                        "chung-thuc-ban-sao",
                                        "agencyCode",
                                        agency,
                                        "applicant",
                                        applicant,
                                        "data",
                                        Map.of(
                                                "documentName",
                                                "Bằng tốt nghiệp THPT",
                                                "copyCount",
                                                1,
                                                "pagesPerCopy",
                                                1)))
                                .toString())
                .file("ban-chinh", "ban-chinh.pdf", "application/pdf", Uploads.minimalPdf());
        var response = http.post()
                .uri("/api/public/dossiers")
                .contentType(form.mediaType())
                .body(form.bytes())
                .retrieve()
                .toEntity(JsonNode.class);
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("Submission refused: " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody().path("code").asText();
    }

    /**
     * A dossier written straight into the tables, with the outbox row a real change writes, in one transaction:
     * for the variety of statuses, procedures and dates the filters need.
     */
    void insert(Fixture f) {
        transaction.executeWithoutResult(status -> {
            jdbc.update(
                    """
                    insert into dossier (code, procedure_key, procedure_version, applicant_name, applicant_identity_number,
                        applicant_phone, applicant_address, receiving_agency_code, competent_agency_code,
                        return_agency_code, receiving_agency_name, competent_agency_name, return_agency_name, channel,
                        service_level, public_status, internal_step, submitted_at, due_at, finished_at, updated_at)
                    values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 'fixture', 'fixture', 'fixture', 'DESK', 'PARTIAL', ?, ?, ?, ?,
                        ?, ?)""",
                    f.code(),
                    f.procedureKey(),
                    f.name(),
                    f.identityNumber(),
                    f.phone(),
                    f.address(),
                    f.agency(),
                    f.agency(),
                    f.agency(),
                    f.status(),
                    "fixture",
                    ts(f.submittedAt()),
                    ts(f.dueAt()),
                    ts(f.finishedAt()),
                    ts(f.submittedAt()));
            bean(DossierChanges.class).changed(f.code());
        });
    }

    record Fixture(
            String code,
            String procedureKey,
            String agency,
            String name,
            String identityNumber,
            String phone,
            String address,
            int status,
            Instant submittedAt,
            Instant dueAt,
            Instant finishedAt) {}

    /** Waits until the indexer has drained every index message (each then searchable: refresh=wait_for). */
    void awaitIndexed(Duration timeout) {
        await(timeout, "the outbox topic dossier-index to drain", () -> pendingIndexMessages() == 0);
    }

    long pendingIndexMessages() {
        return jdbc.queryForObject(
                "select count(*) from outbox where topic = 'dossier-index' and done_at is null", Long.class);
    }

    /** GET with HTTP Basic as the user. */
    RestClient.ResponseSpec get(String user, String uri, Object... variables) {
        return http.get().uri(uri, variables).headers(h -> basic(h, user)).retrieve();
    }

    /** @param query already encoded, sent as it is */
    JsonNode search(String user, String query) {
        var response = http.get()
                .uri(java.net.URI.create(baseUrl() + "/api/dossiers?" + query))
                .headers(h -> basic(h, user))
                .retrieve()
                .toEntity(JsonNode.class);
        if (response.getStatusCode().value() != 200) {
            throw new AssertionError("Search " + query + " as " + user + " answered " + response.getStatusCode() + " "
                    + response.getBody());
        }
        return response.getBody();
    }

    static List<String> codes(JsonNode result) {
        return result.path("items").findValuesAsText("code");
    }

    static void basic(HttpHeaders headers, String user) {
        if (user != null) {
            headers.set(HttpHeaders.AUTHORIZATION, TestApplication.basic(user));
        }
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public void close() {
        application.close();
    }
}
