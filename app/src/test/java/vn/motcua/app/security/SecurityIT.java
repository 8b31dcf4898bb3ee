package vn.motcua.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.app.testing.Multipart;
import vn.motcua.app.testing.Uploads;

/**
 * The sign-in baseline over real HTTP: the whole application on a real (embedded) PostgreSQL, with
 * Camunda's authorization checks on. The database is configured, so demo accounts are switched on
 * explicitly, as a training instance would do.
 */
@AutoConfigureObservability(
        tracing = false) // Spring Boot tests switch metrics export, and so /actuator/prometheus, off
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.elasticsearch.uris=http://127.0.0.1:9",
            "management.health.elasticsearch.enabled=false",
            "motcua.security.demo-accounts=true"
        })
class SecurityIT {

    private static final EmbeddedPostgres POSTGRES = startPostgres();

    private static EmbeddedPostgres startPostgres() {
        try {
            // Closed by the context (PostgresLifecycle), after the engine and the pool are gone.
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class PostgresLifecycle {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() {
            return POSTGRES;
        }

        /** Destroyed in reverse: the data source (and the engine on it) go before the database. */
        @Bean
        static BeanFactoryPostProcessor dataSourceDependsOnEmbeddedPostgres() {
            return beanFactory -> {
                for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                    beanFactory.getBeanDefinition(name).setDependsOn("embeddedPostgres");
                }
            };
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ApplicationRunner identityBootstrapRunner;

    @Autowired
    InitialAdministrator initialAdministrator;

    // ---------------------------------------------------------------- the application's own endpoints

    @Test
    void publicCatalogueNeedsNoSignIn() throws Exception {
        HttpResponse<String> response = send(get("/api/public/procedures"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).findValuesAsText("key")).contains("chung-thuc-ban-sao");
    }

    @Test
    void anonymousApiCallGets401ProblemDetails() throws Exception {
        HttpResponse<String> response = send(get("/api/dossiers"));

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm=\"motcua\""));
    }

    @Test
    void scriptCallsGetNoBasicChallengeThatWouldOpenTheBrowserDialog() throws Exception {
        HttpResponse<String> response = send(get("/api/me").header("X-Requested-With", "XMLHttpRequest"));

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void anonymousBrowserIsSentToTheLoginPageWhichIsVietnamese() throws Exception {
        HttpResponse<String> redirect =
                send(get("/can-bo/").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

        HttpResponse<String> page = send(get("/login"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"vi\">", "Đăng nhập", "name=\"_csrf\"", "name=\"viewport\"");
    }

    @Test
    void clerkSignsInWithHttpBasic() throws Exception {
        HttpResponse<String> response = send(get("/api/me").header("Authorization", basic("tiepnhan01", "demo")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.path("id").asText()).isEqualTo("tiepnhan01");
        assertThat(me.path("displayName").asText()).isEqualTo("Nguyễn Thị Hoa");
        // The role, and the role at the clerk's agency (which gets that agency's tasks).
        assertThat(me.path("groups").findValuesAsText("id"))
                .containsExactlyInAnyOrder("tiepnhan", "tiepnhan-000.00.99.H99");
        assertThat(me.path("groups").findValuesAsText("name"))
                .containsExactlyInAnyOrder(
                        "Bộ phận tiếp nhận và trả kết quả", "Bộ phận tiếp nhận và trả kết quả — UBND xã Một Cửa Mẫu");
    }

    @Test
    void wrongPasswordAndUnknownUserGet401() throws Exception {
        // Only lanhdao01 ever fails to sign in: after a failure Camunda refuses that user for a few seconds.
        assertProblem(send(get("/api/me").header("Authorization", basic("lanhdao01", "sai-mat-khau"))), 401);
        assertProblem(send(get("/api/me").header("Authorization", basic("khongtontai", "demo"))), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tra-cuu/", "/kiem-tra-chu-ky/", "/login", "/api/public/procedures", "/css/dang-nhap.css"})
    void everyPageAndAnswerOfTheApplicationCarriesAStrictContentSecurityPolicy(String path) throws Exception {
        HttpResponse<String> response = send(get(path));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityConfiguration.PAGE_POLICY);
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        if (path.endsWith("/") || path.equals("/login")) {
            assertThat(response.body()).doesNotContain("<style", "style=\"", "<script>", " onclick=", " onload=");
        }
    }

    @Test
    void camundaWebappsKeepTheirOwnPolicyWithFrameAncestorsAndGetNoReferrer() throws Exception {
        HttpResponse<String> response = send(get("/camunda/app/tasklist/default/"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(send(get("/engine-rest/engine")).headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityConfiguration.API_POLICY);
    }

    @Test
    void wrongPasswordsLockNoAccount() throws Exception {
        // Camunda's per-account lockout is off: guessing is throttled per client (RateLimitFilterTest).
        for (int i = 0; i < 12; i++) {
            assertProblem(send(get("/api/me").header("Authorization", basic("chuyenvien01", "sai-" + i))), 401);
        }

        assertThat(send(get("/api/me").header("Authorization", basic("chuyenvien01", "demo")))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void prometheusIsForAdministratorsOnly() throws Exception {
        assertProblem(send(get("/actuator/prometheus")), 401);
        assertProblem(send(get("/actuator/prometheus").header("Authorization", basic("tiepnhan01", "demo"))), 403);

        HttpResponse<String> admin =
                send(get("/actuator/prometheus").header("Authorization", basic("quantri01", "demo")));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void healthAndApiDocsAreOpen() throws Exception {
        assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(200);
        assertThat(send(get("/v3/api-docs")).statusCode()).isEqualTo(200);
    }

    @Test
    void formSignInGivesASessionWhosePostsNeedTheCsrfToken() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = browser.send(get("/login"));
        String formToken = hiddenCsrfField(loginPage.body());

        HttpResponse<String> badLogin = browser.send(
                postForm("/login", Map.of("username", "lanhdao01", "password", "sai-mat-khau", "_csrf", formToken)));
        assertThat(badLogin.statusCode()).isEqualTo(302);
        assertThat(badLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.send(get("/login?error")).body()).contains("không đúng");

        formToken = hiddenCsrfField(browser.send(get("/login")).body());
        HttpResponse<String> login = browser.send(
                postForm("/login", Map.of("username", "tiepnhan01", "password", "demo", "_csrf", formToken)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> me = browser.send(get("/api/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).path("id").asText()).isEqualTo("tiepnhan01");
        assertThat(browser.send(get("/api/public/procedures")).statusCode()).isEqualTo(200);
        HttpResponse<String> home = browser.send(get("/can-bo/").header("Accept", "text/html"));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Nguyễn Thị Hoa");

        // A POST riding on the session cookie alone, as a forged cross-site form would: refused.
        HttpResponse<String> forged = browser.send(post("/api/me"));
        assertProblem(forged, 403);
        assertThat(json.readTree(forged.body()).path("type").asText()).isEqualTo("https://motcua.vn/problems/csrf");

        // The same POST with the token from the cookie gets past the CSRF check (and then, as /api/me
        // has no POST, to the 405 of the MVC layer).
        String cookieToken = browser.cookie(CsrfSupport.COOKIE_NAME);
        HttpResponse<String> withToken = browser.send(post("/api/me").header(CsrfSupport.HEADER_NAME, cookieToken));
        assertThat(withToken.statusCode()).isEqualTo(405);

        HttpResponse<String> logout = browser.send(post("/logout")
                .header("Accept", "text/html")
                .header(CsrfSupport.HEADER_NAME, browser.cookie(CsrfSupport.COOKIE_NAME)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertProblem(browser.send(get("/api/me")), 401);
    }

    @Test
    void citizensPostToThePublicApiWithoutCsrfToken() throws Exception {
        Browser browser = new Browser(); // with a session: the page it asked for before sign-in is kept there
        assertThat(browser.send(get("/can-bo/").header("Accept", "text/html")).statusCode())
                .isEqualTo(302);
        assertThat(browser.cookie("JSESSIONID")).isNotNull();

        // Past the security layer (no 403), refused by MVC: the catalogue has no POST.
        assertThat(browser.send(post("/api/public/procedures")).statusCode()).isEqualTo(405);
        assertThat(send(post("/api/public/procedures")).statusCode()).isEqualTo(405);
        // Elsewhere the same session without the token is refused.
        assertProblem(browser.send(post("/api/me")), 403);
    }

    @Test
    void anonymousApiPostGets401NotACsrfRefusal() throws Exception {
        assertProblem(send(post("/api/me")), 401);
    }

    @Test
    void signInFormNeedsTheCsrfTokenEvenWithoutSession() throws Exception {
        HttpResponse<String> response = send(postForm("/login", Map.of("username", "tiepnhan01", "password", "demo")));

        assertProblem(response, 403);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void statelessBasicCallsNeedNoCsrfToken() throws Exception {
        HttpResponse<String> response = send(post("/api/me").header("Authorization", basic("tiepnhan01", "demo")));

        assertThat(response.statusCode()).isEqualTo(405); // past security, refused by MVC: no POST there
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void deskIntakeIsForSignedInStaffAndLogsTheClerk() throws Exception {
        assertProblem(send(multipartDossier("/api/dossiers")), 401);

        HttpResponse<String> created =
                send(multipartDossier("/api/dossiers").header("Authorization", basic("tiepnhan01", "demo")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = json.readTree(created.body()).path("code").asText();
        // The principal's name is the Camunda user id: the dossier's log names the clerk.
        assertThat(jdbc.queryForList(
                        "select e.actor from dossier_event e join dossier d on d.id = e.dossier_id "
                                + "where d.code = ?",
                        String.class,
                        code))
                .contains("tiepnhan01");
    }

    // ---------------------------------------------------------------- Camunda's REST API

    @Test
    void engineRestDemandsCamundaSignIn() throws Exception {
        HttpResponse<String> anonymous = send(get("/engine-rest/process-definition"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Basic");
        assertThat(send(get("/engine-rest/engine/default/process-definition")).statusCode())
                .isEqualTo(401);
        // Only lanhdao01 ever fails to sign in (see wrongPasswordAndUnknownUserGet401).
        assertThat(send(get("/engine-rest/process-definition")
                                .header("Authorization", basic("lanhdao01", "sai-mat-khau")))
                        .statusCode())
                .isEqualTo(401);

        // queryMaxResultsLimit (application.yml) makes unpaged lists fail for authenticated callers.
        HttpResponse<String> admin = send(get("/engine-rest/process-definition?firstResult=0&maxResults=100")
                .header("Authorization", basic("quantri01", "demo")));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json.readTree(admin.body()).findValuesAsText("key")).contains("chung-thuc-ban-sao");
    }

    @Test
    void engineRestListsEngineNamesWithoutSignInAsCamundaDocuments() throws Exception {
        // ProcessEngineAuthenticationFilter deliberately leaves GET /engine open (engine names only).
        HttpResponse<String> engines = send(get("/engine-rest/engine"));
        assertThat(engines.statusCode()).isEqualTo(200);
        assertThat(engines.body()).isEqualTo("[{\"name\":\"default\"}]");
    }

    @Test
    void onlyTheDeskOfTheDossiersAgencySeesAndCompletesItsTask() throws Exception {
        HttpResponse<String> submitted = send(multipartDossier("/api/public/dossiers"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = json.readTree(submitted.body()).path("code").asText();
        String instanceId =
                jdbc.queryForObject("select process_instance_id from dossier where code = ?", String.class, code);
        String taskQuery = "/engine-rest/task?firstResult=0&maxResults=10&processInstanceId=" + instanceId;

        JsonNode clerkTasks = json.readTree(send(get(taskQuery).header("Authorization", basic("tiepnhan01", "demo")))
                .body());
        assertThat(clerkTasks).hasSize(1);
        String taskId = clerkTasks.get(0).path("id").asText();

        // A specialist of the same commune, and the desk clerk of another commune, see nothing and complete nothing.
        for (String other : List.of("chuyenvien01", "tiepnhan02")) {
            HttpResponse<String> view = send(get(taskQuery).header("Authorization", basic(other, "demo")));
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(json.readTree(view.body())).as(other).isEmpty();
            HttpResponse<String> completes = send(postJson("/engine-rest/task/" + taskId + "/complete", "{}")
                    .header("Authorization", basic(other, "demo")));
            assertThat(completes.statusCode()).as(other).isEqualTo(403);
        }

        HttpResponse<String> clerkClaims =
                send(postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"tiepnhan01\"}")
                        .header("Authorization", basic("tiepnhan01", "demo")));
        assertThat(clerkClaims.statusCode()).isEqualTo(204);
        HttpResponse<String> clerkCompletes = send(postJson(
                        "/engine-rest/task/" + taskId + "/complete",
                        "{\"variables\": {\"receiptDecision\": {\"value\": \"accept\"}}}")
                .header("Authorization", basic("tiepnhan01", "demo")));
        assertThat(clerkCompletes.statusCode()).as(clerkCompletes.body()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select public_status from dossier where code = ?", Integer.class, code))
                .as("received; the certified copy now asks its fee")
                .isEqualTo(6);
    }

    // ---------------------------------------------------------------- Camunda's webapps

    @Test
    void camundaWebappsLoadAndGuardTheirApiThemselves() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> welcome = browser.send(get("/camunda/app/welcome/default/"));
        assertThat(welcome.statusCode()).isEqualTo(200);
        assertThat(welcome.body()).containsIgnoringCase("<html");
        assertThat(browser.cookie("XSRF-TOKEN")).as("Camunda's own CSRF cookie").isNotNull();
        assertThat(browser.cookie(CsrfSupport.COOKIE_NAME))
                .as("no application CSRF cookie on /camunda")
                .isNull();

        assertThat(browser.send(get("/camunda/api/engine/engine/default/user/count"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(browser.send(get("/camunda/api/engine/engine/default/task/count"))
                        .statusCode())
                .isEqualTo(401);

        // Camunda's sign-in with Camunda's CSRF token only: Spring Security must not ask for its own.
        HttpResponse<String> login = browser.send(postForm(
                        "/camunda/api/admin/auth/user/default/login/tasklist",
                        Map.of("username", "tiepnhan01", "password", "demo"))
                .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
        assertThat(login.statusCode()).isEqualTo(200);

        JsonNode user = json.readTree(
                browser.send(get("/camunda/api/admin/auth/user/default")).body());
        assertThat(user.path("userId").asText()).isEqualTo("tiepnhan01");
        List<String> apps = json.convertValue(
                user.path("authorizedApps"), json.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(apps).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(browser.send(get("/camunda/api/engine/engine/default/task/count"))
                        .statusCode())
                .isEqualTo(200);
    }

    // ---------------------------------------------------------------- accounts and authorizations

    @Test
    void demoDataIsInPlaceAndRestartsChangeNothing() throws Exception {
        int authorizationsBefore =
                (int) authorizationService.createAuthorizationQuery().count();
        identityBootstrapRunner.run(null); // as a restart would

        assertThat(jdbc.queryForObject("select name from agency where code = ?", String.class, "000.00.99.H99"))
                .isEqualTo("UBND xã Một Cửa Mẫu");
        assertThat(identityService.createUserQuery().memberOfGroup("tiepnhan").list())
                .extracting(u -> u.getId())
                .contains("tiepnhan01");
        assertThat(identityService
                        .createUserQuery()
                        .memberOfGroup("camunda-admin")
                        .list())
                .extracting(u -> u.getId())
                .contains("quantri01");
        assertThat(identityService
                        .createGroupQuery()
                        .groupId("lanhdao")
                        .singleResult()
                        .getName())
                .isEqualTo("Lãnh đạo");
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizationsBefore);
        assertThat(authorizationService.isUserAuthorized(
                        "tiepnhan01", List.of("tiepnhan"), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                .isTrue();
        assertThat(authorizationService.isUserAuthorized(
                        "tiepnhan01", List.of("tiepnhan"), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .isFalse();
    }

    @Test
    void noSecondInitialAdministratorWhileOneExists() {
        assertThat(initialAdministrator.ensure()).isFalse();
    }

    // ---------------------------------------------------------------- no code from a deployment

    /** The models a deployer must never get into the engine, shared with the deployer's own tests. */
    private static final Path HOSTILE_MODELS = Path.of("../delegates/src/test/resources/hostile-models");

    @ParameterizedTest
    @ValueSource(strings = {"runtime-exec.bpmn", "script-task.bpmn", "script-listener.bpmn"})
    void noModelReachesTheEngineThroughItsRestApiNotEvenAnAdministrators(String model) throws Exception {
        byte[] bpmn = Files.readAllBytes(HOSTILE_MODELS.resolve(model));
        String admin = basic("quantri01", "demo");

        for (String path : List.of(
                "/engine-rest/deployment/create",
                "/engine-rest/engine/default/deployment/create",
                "/engine-rest/deployment/create/",
                "/camunda/api/engine/engine/default/deployment/create")) {
            HttpResponse<String> response =
                    send(multipartModel(path, model, bpmn).header("Authorization", admin));
            assertProblem(response, 403);
            assertThat(response.body()).as(path).contains("endpoint-closed");
        }
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("ke-tan-cong")
                        .count())
                .isZero();
    }

    @Test
    void redeployingThroughTheRestApiIsClosedToo() throws Exception {
        String deploymentId = repositoryService
                .createDeploymentQuery()
                .deploymentName("chung-thuc-ban-sao")
                .list()
                .get(0)
                .getId();

        assertProblem(
                send(postJson("/engine-rest/deployment/" + deploymentId + "/redeploy", "{}")
                        .header("Authorization", basic("quantri01", "demo"))),
                403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtime-exec.bpmn", "script-task.bpmn", "script-listener.bpmn"})
    void theEngineOfTheApplicationRefusesTheModelOnItsJavaApiAsWell(String model) throws Exception {
        byte[] bpmn = Files.readAllBytes(HOSTILE_MODELS.resolve(model));

        assertThatThrownBy(() -> repositoryService
                        .createDeployment()
                        .addInputStream(model, new ByteArrayInputStream(bpmn))
                        .deploy())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Deployment refused");
    }

    private HttpRequest.Builder multipartModel(String path, String fileName, byte[] model) {
        return Multipart.form()
                .field("deployment-name", "ke-tan-cong")
                .file("data", fileName, "application/octet-stream", model)
                .post(request(path));
    }

    // ---------------------------------------------------------------- HTTP plumbing

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static String hiddenCsrfField(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("hidden _csrf field in %s", html).isTrue();
        return matcher.group(1);
    }

    private void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder post(String path) {
        return request(path).POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder postJson(String path, String body) {
        return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A paper dossier of the sample procedure, as the desk or a citizen sends it. */
    private HttpRequest.Builder multipartDossier(String path) {
        String dossier = """
                {"procedureKey": "chung-thuc-ban-sao", "agencyCode": "000.00.99.H99",
                 "applicant": {"name": "Nguyễn Văn Đoàn", "identityNumber": "001090012345", "phone": "0912345678"},
                 "data": {"documentName": "Bằng tốt nghiệp THPT", "copyCount": 2, "pagesPerCopy": 1}}""";
        return Multipart.form()
                .json("dossier", dossier)
                .file("ban-chinh", "ban-chinh.pdf", "application/pdf", Uploads.minimalPdf())
                .post(request(path));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }

    private static final HttpClient STATELESS =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return STATELESS.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A client that keeps cookies, like a browser, and does not follow redirects. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }
}
