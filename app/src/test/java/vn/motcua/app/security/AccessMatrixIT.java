package vn.motcua.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.app.signature.TestPdfs;
import vn.motcua.app.testing.Multipart;
import vn.motcua.app.testing.TestApplication;
import vn.motcua.app.testing.Uploads;

/**
 * Who can reach what, for every kind of caller and every endpoint family, the engine's REST API and Camunda's
 * webapps included, generated from one table ({@link #MATRIX}) that docs/reliability.md publishes word for word.
 * Agency A is the demo commune {@code 000.00.99.H99}, B the other demo commune; each cell acts on a dossier of its
 * own, received online at A, so no cell depends on another.
 *
 * <p>Beside the matrix, {@link #anOperatorRunsAProvinceWithoutTouchingCode} walks through an operator's work on the
 * same running application: agencies and staff created, a dossier received at one commune, decided by another and
 * returned at a third, a rename and a merger.
 *
 * <p>A cell says what the caller gets: {@code sees A} (the answer holds the dossier or its task), {@code nothing}
 * (answered, but nothing of A's dossier), {@code allowed} (the action passed the access checks: done, or refused
 * for the dossier's state), or the refusal's status.
 */
class AccessMatrixIT {

    static final String MATRIX = """
            | endpoint family | anonymous | citizen with key | citizen without key | desk clerk A | desk clerk B | specialist A | leader A | designer | administrator |
            |---|---|---|---|---|---|---|---|---|---|
            | public catalogue `GET /api/public/procedures` | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed |
            | citizen pages `GET /tra-cuu/`, `/kiem-tra-chu-ky/` | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed |
            | citizen catalogue and submission pages `GET /`, `/thu-tuc/{key}`, `/thu-tuc/{key}/nop` | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed |
            | dossier's applicant details `GET /api/public/dossiers/{code}` | nothing | sees A | nothing | nothing | nothing | nothing | nothing | nothing | nothing |
            | online submission `POST /api/public/dossiers` | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed |
            | signature verification `POST /api/public/signatures/verify` | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed |
            | fee quote `POST /api/public/procedures/{key}/fee-quote` | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed |
            | start online payment `POST /api/public/dossiers/{code}/payments/{reference}/online` | 404 | allowed | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | payment notification (IPN, verified by signature) `GET /api/public/payments/vnpay/ipn` | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed |
            | payment result page `GET /thanh-toan/vnpay/ket-qua` | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed |
            | gateway simulator (embedded defaults only) `/gia-lap-vnpay/vpcpay.html` | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed |
            | start form `GET /api/public/procedures/{key}/start-form` | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed | allowed |
            | satisfaction rating `POST /api/public/dossiers/{code}/rating` | 404 | allowed | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | desk intake at A `POST /api/dossiers` | 401 | 401 | 401 | allowed | 403 | 403 | 403 | 403 | 403 |
            | stop `POST /api/dossiers/{code}/stop` | 401 | 401 | 401 | allowed | 403 | 403 | allowed | 403 | 403 |
            | result files `POST /api/dossiers/{code}/result` | 401 | 401 | 401 | allowed | 403 | allowed | allowed | 403 | 403 |
            | desk payment `POST /api/dossiers/{code}/payments/desk` | 401 | 401 | 401 | allowed | 403 | 403 | 403 | 403 | 403 |
            | dossier payments and receipts `GET /api/dossiers/{code}/payments` | 401 | 401 | 401 | allowed | 403 | allowed | allowed | 403 | 403 |
            | slips at the desk `GET /api/dossiers/{code}/slips`, `/slips/{id}` | 401 | 401 | 401 | allowed | 403 | allowed | allowed | 403 | 403 |
            | process control slip `GET /api/dossiers/{code}/control-slip` | 401 | 401 | 401 | allowed | 403 | allowed | allowed | 403 | 403 |
            | tracking register of A `GET /api/register?agency={A}` | 401 | 401 | 401 | allowed | 403 | allowed | allowed | 403 | 403 |
            | citizen's slip download `GET /api/public/dossiers/{code}/documents/{id}` | 400 | allowed | 404 | 400 | 400 | 400 | 400 | 400 | 400 |
            | signed result for its owner `GET /api/public/dossiers/{code}/result` | 404 | allowed | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | signed result for staff `GET /api/dossiers/{code}/result` | 401 | 401 | 401 | allowed | 403 | allowed | allowed | 403 | 403 |
            | search `GET /api/dossiers?q={code}` | 401 | 401 | 401 | sees A | nothing | sees A | sees A | 403 | sees A |
            | statistics `GET /api/stats/on-time` | 401 | 401 | 401 | allowed | allowed | allowed | allowed | 403 | allowed |
            | satisfaction statistics `GET /api/stats/satisfaction` | 401 | 401 | 401 | allowed | allowed | allowed | allowed | 403 | allowed |
            | agencies `GET /api/admin/agencies` | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 403 | allowed |
            | staff `GET /api/admin/staff` | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 403 | allowed |
            | engine tasks `GET /engine-rest/task` | 401 | 401 | 401 | sees A | nothing | nothing | nothing | nothing | sees A |
            | complete a task `POST /engine-rest/task/{id}/complete` | 401 | 401 | 401 | allowed | 403 | 403 | 403 | 403 | allowed |
            | engine history `GET /engine-rest/history/process-instance` | 401 | 401 | 401 | nothing | nothing | nothing | nothing | nothing | sees A |
            | process variables `GET /engine-rest/process-instance/{id}/variables` | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 403 | sees A |
            | Tasklist `/camunda` (sign in, list tasks) | 401 | 401 | 401 | sees A | nothing | nothing | nothing | 403 | sees A |
            | clerk pages `GET /can-bo/`, `/can-bo/tim-kiem`, `/can-bo/thong-ke`, `/can-bo/tiep-nhan` | 401 | 401 | 401 | allowed | allowed | allowed | allowed | 403 | allowed |
            | a task in the workspace `GET /can-bo/viec/{id}` | 401 | 401 | 401 | sees A | 404 | 404 | 404 | 403 | sees A |
            | complete a task in the workspace `POST /can-bo/viec/{id}/hoan-thanh` | 401 | 401 | 401 | allowed | 404 | 404 | 404 | 403 | allowed |
            | a dossier in the workspace `GET /can-bo/ho-so/{code}` | 401 | 401 | 401 | sees A | 404 | sees A | sees A | 403 | sees A |
            """;

    /** Who calls: a staff account (password demo), or nobody with or without the dossier's lookup key. */
    enum Caller {
        ANONYMOUS(null, false),
        CITIZEN_WITH_KEY(null, true),
        CITIZEN_WITHOUT_KEY(null, false),
        DESK_CLERK_A("tiepnhan01", false),
        DESK_CLERK_B("tiepnhan02", false),
        SPECIALIST_A("chuyenvien01", false),
        LEADER_A("lanhdao01", false),
        DESIGNER("thietke01", false),
        ADMINISTRATOR("quantri01", false);

        final String user;
        final boolean withKey;

        Caller(String user, boolean withKey) {
            this.user = user;
            this.withKey = withKey;
        }
    }

    /** A fresh dossier of agency A, waiting at its receipt task. */
    record Dossier(String code, String lookupKey, String identityNumber, String processInstanceId, String taskId) {}

    @FunctionalInterface
    interface Probe {
        String call(Caller caller, Dossier dossier) throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static TestApplication app;
    private static String base;
    private static int identity = 100;

    @BeforeAll
    static void start() throws IOException {
        app = TestApplication.start("access-it", "--motcua.outbox.poll-interval=PT0.1S");
        base = app.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        List<String[]> rows = rows();
        for (String[] row : rows) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(row[0], caller, row[1 + caller.ordinal()]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} — {1}: {2}")
    @MethodSource("cells")
    void eachCallerGetsWhatTheTableSays(String family, Caller caller, String expected) throws Exception {
        Probe probe = PROBES.get(family);
        assertThat(probe).as("a probe for " + family).isNotNull();
        assertThat(probe.call(caller, newDossier())).isEqualTo(expected);
    }

    @Test
    void theTableIsPublishedInTheReliabilityPageWordForWord() throws IOException {
        assertThat(Files.readString(Path.of("..", "docs", "reliability.md"))).contains(MATRIX);
        assertThat(PROBES.keySet())
                .containsExactlyElementsOf(rows().stream().map(r -> r[0]).toList());
    }

    @Test
    void anOperatorRunsAProvinceWithoutTouchingCode() throws Exception {
        // Agencies and staff, through the administrators' API.
        for (String agency : List.of(
                "{\"code\": \"001.00.00.H98\", \"name\": \"UBND tỉnh Thử Nghiệm\", \"level\": \"PROVINCE\"}",
                commune("001.00.01.H98", "UBND xã Đông"),
                commune("001.00.02.H98", "UBND xã Tây"),
                commune("001.00.03.H98", "UBND xã Nam"),
                commune("001.00.04.H98", "UBND xã Bắc Mới"))) {
            assertThat(send(Caller.ADMINISTRATOR, null, postJson("/api/admin/agencies", agency))
                            .statusCode())
                    .isEqualTo(201);
        }
        staff("tiepnhandong", "001.00.01.H98", "DESK_CLERK");
        staff("chuyenvientay", "001.00.02.H98", "SPECIALIST");
        staff("lanhdaotay", "001.00.02.H98", "LEADER");
        staff("tiepnhannam", "001.00.03.H98", "DESK_CLERK");

        // A birth registered at Đông's desk, decided by Tây where the parents live, collected at Nam's desk.
        HttpResponse<String> submitted = HTTP.send(
                multipartJson(
                                "/api/public/dossiers",
                                birthRegistration("001.00.01.H98", "001.00.02.H98", "001.00.03.H98"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = JSON.readTree(submitted.body()).path("code").asText();
        String lookupKey = JSON.readTree(submitted.body()).path("lookupKey").asText();
        assertThat(code).startsWith("001.00.01.H98-");
        String instance = app.bean(JdbcTemplate.class)
                .queryForObject("select process_instance_id from dossier where code = ?", String.class, code);

        completeOnlyTaskAs(
                "tiepnhandong",
                instance,
                "{\"receiptDecision\": {\"value\": \"accept\"}," + " \"registeredOnTime\": {\"value\": true}}",
                "tiepnhannam",
                "chuyenvientay");
        completeOnlyTaskAs(
                "chuyenvientay",
                instance,
                "{\"informationVerified\": {\"value\": true},"
                        + " \"personalIdentificationNumber\": {\"value\": \"001226000123\"},"
                        + " \"registerEntry\": {\"value\": \"Số 1, Quyển 01/2026\"}}",
                "tiepnhandong",
                "tiepnhannam");
        completeOnlyTaskAs("lanhdaotay", instance, "{\"approved\": {\"value\": true}}", "tiepnhandong");
        // The result waits at Nam's desk, not at Đông's where it was received.
        completeOnlyTaskAs(
                "tiepnhannam",
                instance,
                "{\"resultReceivedBy\": {\"value\": \"Lê Thị Mai\"}," + " \"returnMethod\": {\"value\": \"desk\"}}",
                "tiepnhandong",
                "chuyenvientay");
        assertThat(app.bean(JdbcTemplate.class)
                        .queryForObject("select public_status from dossier where code = ?", Integer.class, code))
                .isEqualTo(10);

        // A rename: new dossiers show the new name, the old one keeps the name it was received under.
        assertThat(send(
                                Caller.ADMINISTRATOR,
                                null,
                                put("/api/admin/agencies/001.00.01.H98", commune("001.00.01.H98", "UBND phường Đông")))
                        .statusCode())
                .isEqualTo(200);
        // The agencies are the owner's to see (the keyless view shows none: they would tell the procedure).
        JsonNode view = JSON.readTree(
                send(Caller.ANONYMOUS, null, get("/api/public/dossiers/" + code).header("X-Lookup-Key", lookupKey))
                        .body());
        assertThat(view.path("agencies").path("receiving").path("name").asText())
                .isEqualTo("UBND xã Đông");
        assertThat(view.path("agencies").path("competent").path("name").asText())
                .isEqualTo("UBND xã Tây");
        assertThat(view.path("agencies").path("returning").path("code").asText())
                .isEqualTo("001.00.03.H98");

        // A merger: Đông ends and Bắc Mới takes its work; a submission to Đông is told where to go instead.
        assertThat(send(
                                Caller.ADMINISTRATOR,
                                null,
                                postJson(
                                        "/api/admin/agencies/001.00.01.H98/deactivate",
                                        "{\"lastDay\": \"" + LocalDate.now().minusDays(1)
                                                + "\", \"mergedInto\": \"001.00.04.H98\"}"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> toMerged = HTTP.send(
                multipartJson("/api/public/dossiers", birthRegistration("001.00.01.H98", "001.00.02.H98", null))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(toMerged.statusCode()).isEqualTo(400);
        assertThat(toMerged.body()).contains("agencyCode").contains("was merged into 001.00.04.H98");
        HttpResponse<String> toSuccessor = HTTP.send(
                multipartJson("/api/public/dossiers", birthRegistration("001.00.04.H98", "001.00.02.H98", null))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(toSuccessor.statusCode()).as(toSuccessor.body()).isEqualTo(201);
        // An agency named by dossiers is never deleted.
        assertThat(send(
                                Caller.ADMINISTRATOR,
                                null,
                                request("/api/admin/agencies/001.00.01.H98").DELETE())
                        .statusCode())
                .isEqualTo(409);
    }

    private static String commune(String code, String name) {
        return "{\"code\": \"%s\", \"name\": \"%s\", \"level\": \"COMMUNE\", \"parent\": \"001.00.00.H98\"}"
                .formatted(code, name);
    }

    private static void staff(String user, String agency, String role) throws Exception {
        String body = ("{\"lastName\": \"Cán bộ\", \"firstName\": \"%s\", \"password\": \"mat-khau-demo\","
                        + " \"memberships\": [{\"agencyCode\": \"%s\", \"roles\": [\"%s\"]}]}")
                .formatted(user, agency, role);
        HttpResponse<String> response = send(Caller.ADMINISTRATOR, null, put("/api/admin/staff/" + user, body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The user sees exactly one task of the instance and completes it; the others see none of it. */
    private static void completeOnlyTaskAs(String user, String instance, String variables, String... others)
            throws Exception {
        String query = "/engine-rest/task?firstResult=0&maxResults=10&processInstanceId=" + instance;
        // After an approval the result is signed by the job executor first: the next task comes once it is signed.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> JSON.readTree(as(user, get(query)).body()).size() == 1);
        for (String other : others) {
            assertThat(JSON.readTree(as(other, get(query)).body())).as(other).isEmpty();
        }
        JsonNode tasks = JSON.readTree(as(user, get(query)).body());
        assertThat(tasks).as(user).hasSize(1);
        HttpResponse<String> done = as(
                user,
                postJson(
                        "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
                        "{\"variables\": " + variables + "}"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    private static HttpResponse<String> as(String user, HttpRequest.Builder request) throws Exception {
        request.header(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((user + ":mat-khau-demo").getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String birthRegistration(String receiving, String competent, String returning) {
        return """
                {"procedureKey": "dang-ky-khai-sinh", "agencyCode": "%s", "competentAgencyCode": "%s",
                 %s
                 "applicant": {"name": "Lê Thị Mai", "identityNumber": "001195012345", "phone": "0912000111"},
                 "data": {"childFullName": "Nguyễn Minh An", "childSex": "nam", "childBirthDate": "%s",
                  "childBirthPlace": "Trạm Y tế xã Tây", "childEthnicity": "Kinh", "childNationality": "Việt Nam",
                  "childHometown": "Xã Tây", "motherFullName": "Lê Thị Mai", "motherBirthYear": 1995,
                  "motherIdentityNumber": "001195012345", "motherEthnicity": "Kinh", "motherNationality": "Việt Nam",
                  "motherResidence": "Thôn Đoài, xã Tây", "fatherDeclared": false,
                  "registrantRelationship": "me", "extractCopies": 1}}""".formatted(
                        receiving,
                        competent,
                        returning == null ? "" : "\"returnAgencyCode\": \"" + returning + "\",",
                        LocalDate.now().minusDays(10));
    }

    private static List<String[]> rows() {
        return MATRIX.lines()
                .skip(2)
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                        .map(String::strip)
                        .toArray(String[]::new))
                .toList();
    }

    // ------------------------------------------------------------------ the probes, one per row

    private static final Map<String, Probe> PROBES = new LinkedHashMap<>();

    static {
        PROBES.put(
                "public catalogue `GET /api/public/procedures`",
                (c, d) -> allowed(send(c, d, get("/api/public/procedures"))));
        PROBES.put("citizen pages `GET /tra-cuu/`, `/kiem-tra-chu-ky/`", (c, d) -> {
            String tracking = allowed(send(c, d, get("/tra-cuu/")));
            return tracking.equals("allowed") ? allowed(send(c, d, get("/kiem-tra-chu-ky/"))) : tracking;
        });
        PROBES.put("citizen catalogue and submission pages `GET /`, `/thu-tuc/{key}`, `/thu-tuc/{key}/nop`", (c, d) -> {
            for (String page : List.of("/", "/thu-tuc/chung-thuc-ban-sao", "/thu-tuc/chung-thuc-ban-sao/nop")) {
                String answer = allowed(send(c, d, get(page).header("Accept", "text/html")));
                if (!answer.equals("allowed")) {
                    return answer;
                }
            }
            return "allowed";
        });
        PROBES.put("dossier's applicant details `GET /api/public/dossiers/{code}`", (c, d) -> {
            HttpRequest.Builder request = get("/api/public/dossiers/" + d.code());
            if (c.withKey) {
                request.header("X-Lookup-Key", d.lookupKey());
            }
            return seen(send(c, d, request), d.identityNumber());
        });
        PROBES.put("online submission `POST /api/public/dossiers`", (c, d) -> allowed(send(c, d, submission())));
        PROBES.put(
                "signature verification `POST /api/public/signatures/verify`",
                (c, d) -> allowed(send(c, d, pdfUpload("/api/public/signatures/verify"))));
        PROBES.put(
                "fee quote `POST /api/public/procedures/{key}/fee-quote`",
                (c, d) -> allowed(send(
                        c,
                        d,
                        postJson(
                                "/api/public/procedures/chung-thuc-ban-sao/fee-quote",
                                "{\"data\": {\"documentName\": \"Bằng tốt nghiệp\", \"copyCount\": 1,"
                                        + " \"pagesPerCopy\": 5}}"))));
        PROBES.put(
                "start online payment `POST /api/public/dossiers/{code}/payments/{reference}/online`",
                (c, d) -> allowed(send(c, d, startPayment(d, c.withKey))));
        PROBES.put("payment notification (IPN, verified by signature) `GET /api/public/payments/vnpay/ipn`", (c, d) -> {
            // Reached without sign-in or CSRF token, and refused for its missing signature.
            HttpResponse<String> ipn = send(c, d, get("/api/public/payments/vnpay/ipn?vnp_TxnRef=X"));
            return ipn.statusCode() == 200 && !ipn.body().contains("\"97\"") ? "signature not checked" : allowed(ipn);
        });
        PROBES.put(
                "payment result page `GET /thanh-toan/vnpay/ket-qua`",
                (c, d) -> allowed(send(c, d, get("/thanh-toan/vnpay/ket-qua?vnp_TxnRef=X"))));
        PROBES.put("gateway simulator (embedded defaults only) `/gia-lap-vnpay/vpcpay.html`", (c, d) -> {
            HttpResponse<String> started = send(Caller.CITIZEN_WITH_KEY, d, startPayment(d, true));
            String redirect = JSON.readTree(started.body()).path("redirectUrl").asText();
            return allowed(send(c, d, request(redirect.substring(base.length())).GET()));
        });
        PROBES.put(
                "start form `GET /api/public/procedures/{key}/start-form`",
                (c, d) -> allowed(send(c, d, get("/api/public/procedures/chung-thuc-ban-sao/start-form"))));
        // Only the key opens a dossier to its rating; before the result is returned the rating is refused (409).
        PROBES.put(
                "satisfaction rating `POST /api/public/dossiers/{code}/rating`",
                (c, d) -> allowed(send(
                        c,
                        d,
                        postJson("/api/public/dossiers/" + d.code() + "/rating", "{\"level\": \"SATISFIED\"}")
                                .header("X-Lookup-Key", c.withKey ? d.lookupKey() : "AAAA-BBBB-CCCC-DDDD"))));
        PROBES.put("desk intake at A `POST /api/dossiers`", (c, d) -> allowed(send(c, d, submission("/api/dossiers"))));
        PROBES.put(
                "stop `POST /api/dossiers/{code}/stop`",
                (c, d) -> allowed(send(
                        c, d, postJson("/api/dossiers/" + d.code() + "/stop", "{\"reason\": \"Kiểm tra quyền\"}"))));
        PROBES.put(
                "result files `POST /api/dossiers/{code}/result`",
                (c, d) -> allowed(send(c, d, multipart("/api/dossiers/" + d.code() + "/result", null, "ket-qua"))));
        PROBES.put(
                "desk payment `POST /api/dossiers/{code}/payments/desk`",
                // The fresh dossier owes nothing yet: the access checks pass, then 409 no-payment-due.
                (c, d) -> allowed(send(
                        c,
                        d,
                        postJson(
                                "/api/dossiers/" + d.code() + "/payments/desk",
                                "{\"amount\": 2000, \"method\": \"CASH\"}"))));
        PROBES.put(
                "dossier payments and receipts `GET /api/dossiers/{code}/payments`",
                (c, d) -> allowed(send(c, d, get("/api/dossiers/" + d.code() + "/payments"))));
        PROBES.put("slips at the desk `GET /api/dossiers/{code}/slips`, `/slips/{id}`", (c, d) -> {
            receive(d);
            HttpResponse<String> list = send(c, d, get("/api/dossiers/" + d.code() + "/slips"));
            if (!allowed(list).equals("allowed")) {
                return allowed(list);
            }
            String href = JSON.readTree(list.body())
                    .path("slips")
                    .path(0)
                    .path("href")
                    .asText();
            assertThat(href).as("the receipt is listed").isNotEmpty();
            return allowed(send(c, d, get(href)));
        });
        PROBES.put(
                "process control slip `GET /api/dossiers/{code}/control-slip`",
                (c, d) -> allowed(send(c, d, get("/api/dossiers/" + d.code() + "/control-slip"))));
        PROBES.put(
                "tracking register of A `GET /api/register?agency={A}`",
                (c, d) -> allowed(send(
                        c,
                        d,
                        get("/api/register?agency=000.00.99.H99&format=csv&from="
                                + LocalDate.now().minusDays(1) + "&to="
                                + LocalDate.now().plusDays(1)))));
        PROBES.put("citizen's slip download `GET /api/public/dossiers/{code}/documents/{id}`", (c, d) -> {
            long receipt = receive(d);
            HttpRequest.Builder request = get("/api/public/dossiers/" + d.code() + "/documents/" + receipt);
            if (c == Caller.CITIZEN_WITH_KEY) {
                request.header("X-Lookup-Key", d.lookupKey());
            } else if (c == Caller.CITIZEN_WITHOUT_KEY) {
                request.header("X-Lookup-Key", "ABCD-EFGH-JKLM-NPQR"); // a key, not this dossier's
            }
            return allowed(send(c, d, request));
        });
        PROBES.put("signed result for its owner `GET /api/public/dossiers/{code}/result`", (c, d) -> {
            HttpRequest.Builder request = get("/api/public/dossiers/" + d.code() + "/result");
            if (c.withKey) {
                request.header("X-Lookup-Key", d.lookupKey());
            }
            return allowed(send(c, d, request)); // 409 result-not-issued: the fresh dossier has none yet
        });
        PROBES.put(
                "signed result for staff `GET /api/dossiers/{code}/result`",
                (c, d) -> allowed(send(c, d, get("/api/dossiers/" + d.code() + "/result"))));
        PROBES.put("search `GET /api/dossiers?q={code}`", (c, d) -> {
            // Indexed first (the administrator finds it), so "nothing" means not shown, not not yet indexed.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> send(Caller.ADMINISTRATOR, d, get("/api/dossiers?q=" + d.code()))
                            .body()
                            .contains(d.code()));
            return seen(send(c, d, get("/api/dossiers?q=" + d.code())), d.code());
        });
        PROBES.put(
                "statistics `GET /api/stats/on-time`",
                (c, d) -> allowed(send(
                        c,
                        d,
                        get("/api/stats/on-time?from=" + LocalDate.now().minusDays(30) + "&to=" + LocalDate.now()))));
        PROBES.put(
                "satisfaction statistics `GET /api/stats/satisfaction`",
                (c, d) -> allowed(send(
                        c,
                        d,
                        get("/api/stats/satisfaction?from=" + LocalDate.now().minusDays(30) + "&to="
                                + LocalDate.now()))));
        PROBES.put("agencies `GET /api/admin/agencies`", (c, d) -> allowed(send(c, d, get("/api/admin/agencies"))));
        PROBES.put("staff `GET /api/admin/staff`", (c, d) -> allowed(send(c, d, get("/api/admin/staff"))));
        PROBES.put(
                "engine tasks `GET /engine-rest/task`",
                (c, d) -> seen(
                        send(
                                c,
                                d,
                                get("/engine-rest/task?firstResult=0&maxResults=50&processInstanceId="
                                        + d.processInstanceId())),
                        d.taskId()));
        PROBES.put(
                "complete a task `POST /engine-rest/task/{id}/complete`",
                (c, d) -> allowed(send(
                        c,
                        d,
                        postJson(
                                "/engine-rest/task/" + d.taskId() + "/complete",
                                "{\"variables\": {\"receiptDecision\": {\"value\": \"accept\"}}}"))));
        PROBES.put(
                "engine history `GET /engine-rest/history/process-instance`",
                (c, d) -> seen(
                        send(
                                c,
                                d,
                                get(
                                        "/engine-rest/history/process-instance?firstResult=0&maxResults=50&processInstanceId="
                                                + d.processInstanceId())),
                        d.processInstanceId()));
        PROBES.put(
                "process variables `GET /engine-rest/process-instance/{id}/variables`",
                (c, d) -> seen(
                        send(c, d, get("/engine-rest/process-instance/" + d.processInstanceId() + "/variables")),
                        d.code()));
        PROBES.put("Tasklist `/camunda` (sign in, list tasks)", AccessMatrixIT::tasklist);
        PROBES.put(
                "clerk pages `GET /can-bo/`, `/can-bo/tim-kiem`, `/can-bo/thong-ke`, `/can-bo/tiep-nhan`", (c, d) -> {
                    for (String page :
                            List.of("/can-bo/", "/can-bo/tim-kiem?q=x", "/can-bo/thong-ke", "/can-bo/tiep-nhan")) {
                        String answer = allowed(send(c, d, get(page)));
                        if (!answer.equals("allowed")) {
                            return answer;
                        }
                    }
                    return "allowed";
                });
        PROBES.put(
                "a task in the workspace `GET /can-bo/viec/{id}`",
                (c, d) -> seen(send(c, d, get("/can-bo/viec/" + d.taskId())), d.code()));
        PROBES.put(
                "complete a task in the workspace `POST /can-bo/viec/{id}/hoan-thanh`",
                (c, d) -> allowed(send(
                        c,
                        d,
                        postJson(
                                "/can-bo/viec/" + d.taskId() + "/hoan-thanh",
                                "{\"values\": {\"receiptDecision\": \"accept\"}}"))));
        PROBES.put(
                "a dossier in the workspace `GET /can-bo/ho-so/{code}`",
                (c, d) -> seen(send(c, d, get("/can-bo/ho-so/" + d.code())), d.identityNumber()));
    }

    /** Camunda's own sign-in and CSRF, as Tasklist in a browser does them. */
    private static String tasklist(Caller caller, Dossier d) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        browser.send(get("/camunda/app/tasklist/default/").build(), HttpResponse.BodyHandlers.ofString());
        String xsrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
        if (caller.user != null) {
            HttpResponse<String> login = browser.send(
                    request("/camunda/api/admin/auth/user/default/login/tasklist")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-XSRF-TOKEN", xsrf)
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + caller.user + "&password=demo"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                return String.valueOf(login.statusCode());
            }
        }
        HttpResponse<String> tasks = browser.send(
                get("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=50&processInstanceId="
                                + d.processInstanceId())
                        .header("X-XSRF-TOKEN", xsrf)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return seen(tasks, d.taskId());
    }

    // ------------------------------------------------------------------ outcomes

    /** Done (2xx), or refused only for the dossier's state (409): the access checks let it through. */
    private static String allowed(HttpResponse<String> response) {
        int status = response.statusCode();
        return status / 100 == 2 || status == 409 ? "allowed" : String.valueOf(status);
    }

    private static String seen(HttpResponse<String> response, String mark) {
        if (response.statusCode() != 200) {
            return String.valueOf(response.statusCode());
        }
        return response.body().contains(mark) ? "sees A" : "nothing";
    }

    // ------------------------------------------------------------------ requests

    private Dossier newDossier() throws Exception {
        String identityNumber = String.format("0010900%05d", identity++);
        HttpResponse<String> created = HTTP.send(
                multipart("/api/public/dossiers", identityNumber, "ban-chinh").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String code = body.path("code").asText();
        String instance = app.bean(JdbcTemplate.class)
                .queryForObject("select process_instance_id from dossier where code = ?", String.class, code);
        String task = app.bean(TaskService.class)
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
        return new Dossier(code, body.path("lookupKey").asText(), identityNumber, instance, task);
    }

    /** A payment request for the dossier (as the payment step makes one), and the citizen's start of paying it. */
    private static HttpRequest.Builder startPayment(Dossier d, boolean withKey) {
        vn.motcua.payment.Payments payments = app.bean(vn.motcua.payment.Payments.class);
        String reference = payments.openRequest(d.code())
                .orElseGet(() -> payments.request(
                        app.bean(vn.motcua.dossier.DossierRepository.class)
                                .findByCode(d.code())
                                .orElseThrow(),
                        new vn.motcua.fee.FeeQuote(
                                2000,
                                "VND",
                                List.of(new vn.motcua.fee.FeeQuote.Item("Phí chứng thực", 2000)),
                                "Thông tư 226/2016/TT-BTC"),
                        java.time.Instant.now().plus(Duration.ofDays(1))))
                .reference();
        HttpRequest.Builder request = request("/api/public/dossiers/" + d.code() + "/payments/" + reference + "/online")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (withKey) {
            request.header("X-Lookup-Key", d.lookupKey());
        }
        return request;
    }

    /** Accepts the dossier at the desk (as the engine would); returns the id of the receipt slip that wrote. */
    private static long receive(Dossier d) {
        app.bean(TaskService.class).complete(d.taskId(), Map.of("receiptDecision", "accept"));
        return app.bean(JdbcTemplate.class).queryForObject("""
                        select doc.id from dossier_document doc join dossier on dossier.id = doc.dossier_id
                        where dossier.code = ? and doc.document_code = 'giay-tiep-nhan'""", Long.class, d.code());
    }

    private static HttpResponse<String> send(Caller caller, Dossier d, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        if (caller.user != null) {
            request.header("Authorization", TestApplication.basic(caller.user));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private static HttpRequest.Builder postJson(String path, String json) {
        return request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder put(String path, String json) {
        return request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    /** A submission with the given JSON part and one PDF, the birth notice. */
    private static HttpRequest.Builder multipartJson(String path, String dossierJson) {
        return Multipart.form()
                .json("dossier", dossierJson)
                .file("giay-chung-sinh", "giay-chung-sinh.pdf", "application/pdf", Uploads.minimalPdf())
                .post(request(path));
    }

    /** A blank one-page PDF as the part {@code file}. */
    private static HttpRequest.Builder pdfUpload(String path) {
        return Multipart.form()
                .file("file", "van-ban.pdf", "application/pdf", TestPdfs.blankPage())
                .post(request(path));
    }

    private static HttpRequest.Builder submission() {
        return submission("/api/public/dossiers");
    }

    private static HttpRequest.Builder submission(String path) {
        return multipart(path, "001090099999", "ban-chinh");
    }

    /** A certified-copy dossier for agency A with one PDF under {@code filePart}; no JSON part when no applicant. */
    private static HttpRequest.Builder multipart(String path, String identityNumber, String filePart) {
        Multipart form = Multipart.form();
        if (identityNumber != null) {
            form.json("dossier", """
                    {"procedureKey": "chung-thuc-ban-sao", "agencyCode": "000.00.99.H99",
                     "applicant": {"name": "Nguyễn Văn Đoàn", "identityNumber": "%s", "phone": "0912345678"},
                     "data": {"documentName": "Bằng tốt nghiệp", "copyCount": 1, "pagesPerCopy": 1}}""".formatted(identityNumber));
        }
        return form.file(filePart, "tep.pdf", "application/pdf", Uploads.minimalPdf())
                .post(request(path));
    }
}
