package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A page that fails answers a page (docs/pages.md): a browser asking for HTML on a page route gets the site's error
 * page, in Vietnamese or English, with the error's status (404 unknown procedure, dossier or path; 400 a bad
 * parameter; 403 a form posted without its CSRF token); the API, the engine's REST API and scripts asking for JSON keep
 * their problem details.
 */
class PageErrorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Path dataDir = Files.createTempDirectory("motcua-page-errors-it-");
        dataDir.toFile().setExecutable(true, false);
        app = new SpringApplicationBuilder(MotcuaApplication.class)
                .run("--server.port=0", "--motcua.data-dir=" + dataDir);
        base = "http://localhost:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anUnknownProcedureDossierOrPathIsAPageInTheSiteLayoutWithItsStatus() throws Exception {
        for (String path : new String[] {
            "/thu-tuc/khong-co-thu-tuc-nay", "/thu-tuc/khong-co-thu-tuc-nay/nop", "/thu-tuc/khong-co/nop/khong-co"
        }) {
            HttpResponse<String> page = get(path, BROWSER_ACCEPT);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body())
                    .as(path)
                    .contains("<html lang=\"vi\"")
                    .contains("Không mở được trang")
                    .contains("Không có trang này, hoặc đường dẫn đã thay đổi.")
                    .contains("href=\"?lang=en\"") // the layout's language switch
                    .contains("href=\"/tra-cuu/\"") // and its links
                    .doesNotContain("\"type\"");
        }
        HttpResponse<String> english = get("/thu-tuc/khong-co-thu-tuc-nay?lang=en", BROWSER_ACCEPT);
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body())
                .contains("<html lang=\"en\"")
                .contains("There is no such page, or its address has changed.");
    }

    @Test
    void theApiTheEngineAndScriptsKeepTheirProblemDetailsEvenWhenAskingForHtml() throws Exception {
        assertProblem(get("/api/public/dossiers/000.00.99.H99-261202-9999", BROWSER_ACCEPT), 404);
        assertProblem(get("/api/khong-co", BROWSER_ACCEPT), 401); // no page there: signing in is asked
        assertProblem(get("/api/public/procedures/khong-co-thu-tuc-nay", BROWSER_ACCEPT), 404);
        // a page route asked for JSON (a script's call) stays a problem too
        assertProblem(get("/thu-tuc/khong-co-thu-tuc-nay", "application/json"), 404);
        // the engine's REST API, signed in
        HttpResponse<String> engine = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/engine-rest/task/khong-co"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", BROWSER_ACCEPT)
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("tiepnhan01:demo".getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(engine.statusCode()).isEqualTo(404);
        assertThat(engine.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(engine.body()).doesNotContain("<html");
    }

    @Test
    void inTheBrowserAStaffPageRefusedOrWronglyAskedShowsTheErrorPageWithItsStatus() throws Exception {
        try (Chromium.Page page = Chromium.Page.open(base + "/can-bo/")) {
            page.pathOnce("/login");
            page.fill("#username", "tiepnhan01");
            page.fill("#password", "demo");
            page.click("button[type=submit]");
            page.pathOnce("/can-bo/");

            // 404: another agency's or an unknown dossier
            page.evaluate("location.assign('/can-bo/ho-so/000.00.99.H99-261202-9999'), ''");
            assertThat(page.textOnceShown("#error-text", s -> !s.isBlank()))
                    .isEqualTo("Không có trang này, hoặc đường dẫn đã thay đổi.");
            assertThat(page.evaluate("document.title")).startsWith("Không mở được trang");
            assertThat(page.evaluate("document.querySelector('.site nav a[href=\"/can-bo/\"]') ? 'staff' : ''"))
                    .as("the layout knows the clerk is signed in")
                    .isEqualTo("staff");

            // 400: a date that is not one, on the dashboard
            assertThat(fetch(page, "/can-bo/thong-ke?from=hom-qua", "GET"))
                    .startsWith("400 text/html")
                    .contains("Yêu cầu không hợp lệ: đường dẫn hoặc thông tin đã nhập có chỗ chưa đúng.");
            // 403: a form posted without its CSRF token (e.g. a page left open past its session's token)
            assertThat(fetch(page, "/can-bo/viec/khong-co/nhan", "POST"))
                    .startsWith("403 text/html")
                    .contains("Bạn không có quyền xem trang này hoặc làm thao tác này.");
            // the same refusal on the API stays a problem
            assertThat(fetch(page, "/api/dossiers/000.00.99.H99-261202-9999/stop", "POST"))
                    .startsWith("403 application/problem+json");

            // English, by the switch
            page.evaluate("location.assign('/can-bo/ho-so/000.00.99.H99-261202-9999?lang=en'), ''");
            page.once("document.documentElement.lang", "en"::equals);
            assertThat(page.textOnceShown("#error-text", s -> !s.isBlank()))
                    .isEqualTo("There is no such page, or its address has changed.");
        }
    }

    /** What the browser gets for a request asking for HTML: "status content-type body". */
    private static String fetch(Chromium.Page page, String path, String method) {
        page.evaluate("window.answer = ''; fetch(" + JSON.getNodeFactory().textNode(path) + ", {method: '" + method
                + "', headers: {Accept: 'text/html'}, credentials: 'same-origin'})"
                + ".then(r => r.text().then(t => { window.answer = r.status + ' '"
                + " + (r.headers.get('Content-Type') || '').split(';')[0] + ' ' + t; })), ''");
        return page.once("window.answer", s -> !s.isBlank());
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(response.uri().toString())
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("https://motcua.vn/problems/");
    }
}
