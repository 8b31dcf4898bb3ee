package vn.motcua.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.app.testing.OnlineSubmission;
import vn.motcua.app.testing.PdfText;
import vn.motcua.app.testing.TestApplication;
import vn.motcua.document.QrCodes;
import vn.motcua.document.QrContent;

/**
 * A fee paid at the counter, on the application with its embedded PostgreSQL and Elasticsearch: the receiving desk's
 * clerk records it (a wrong amount 400, another commune's clerk 403, nothing due 409, a retry safe), the dossier moves
 * on, the public view shows what is due and then what was paid, the citizen and the staff download the receipt, the
 * search index's fee state follows the payment, and the indices count the payment.
 */
class DeskPaymentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CLERK_A = "tiepnhan01";
    private static final String CLERK_B = "tiepnhan02";

    private static TestApplication app;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        app = TestApplication.start("desk-payment-it", "--motcua.outbox.poll-interval=PT0.1S");
        base = app.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aClerkTakesTheFeeAtTheCounterAndTheDossierTheViewTheReceiptAndTheIndexFollow() throws Exception {
        JsonNode submitted = submit();
        String code = submitted.path("code").asText();
        String key = submitted.path("lookupKey").asText();

        // Nothing asked yet: the desk has nothing to take.
        HttpResponse<String> early = post(CLERK_A, code, "{\"amount\": 4000, \"method\": \"CASH\"}");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(JSON.readTree(early.body()).path("type").asText()).endsWith("/no-payment-due");

        accept(code);

        JsonNode keyless =
                JSON.readTree(get(null, "/api/public/dossiers/" + code, null).body());
        assertThat(keyless.path("status").asInt()).isEqualTo(6);
        assertThat(keyless.has("payment"))
                .as("what is due is the owner's to see")
                .isFalse();
        JsonNode due =
                JSON.readTree(get(null, "/api/public/dossiers/" + code, key).body());
        JsonNode payment = due.path("payment");
        assertThat(payment.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(payment.path("amount").asLong()).isEqualTo(4000);
        assertThat(payment.path("currency").asText()).isEqualTo("VND");
        assertThat(payment.path("items")).hasSize(1);
        String reference = payment.path("reference").asText();
        assertThat(reference).matches("[A-Z2-9]{16}");
        assertThat(payment.path("expiresAt").asText()).endsWith("+07:00");
        assertThat(payment.path("howToPay").asText())
                .contains("Bộ phận Một cửa")
                .contains(reference);
        assertThat(payment.path("payUrl").asText())
                .as("the embedded defaults' gateway simulator offers online payment too")
                .startsWith("/thanh-toan/");
        assertThat(payment.has("receiptHref")).isFalse();
        awaitFeeState(code, "AWAITING_PAYMENT");

        HttpResponse<String> otherCommune = post(CLERK_B, code, "{\"amount\": 4000, \"method\": \"CASH\"}");
        assertThat(otherCommune.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = post(CLERK_A, code, "{\"amount\": 2000, \"method\": \"CASH\"}");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        JsonNode mismatch = JSON.readTree(wrong.body());
        assertThat(mismatch.path("type").asText()).endsWith("/payment-amount-mismatch");
        assertThat(mismatch.path("field").asText()).isEqualTo("amount");
        assertThat(mismatch.path("expectedAmount").asLong()).isEqualTo(4000);
        HttpResponse<String> noMethod = post(CLERK_A, code, "{\"amount\": 4000}");
        assertThat(noMethod.statusCode()).isEqualTo(400);

        HttpResponse<String> paid = post(CLERK_A, code, "{\"amount\": 4000, \"method\": \"CARD\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        JsonNode receipt = JSON.readTree(paid.body());
        assertThat(receipt.path("outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(receipt.path("status").asText()).isEqualTo("PAID");
        assertThat(receipt.path("method").asText()).isEqualTo("DESK_CARD");
        assertThat(receipt.path("recordedBy").asText()).isEqualTo(CLERK_A);
        assertThat(receipt.path("receiptSeries").asText()).startsWith("000.00.99.H99-");
        HttpResponse<String> retry = post(CLERK_A, code, "{\"amount\": 4000, \"method\": \"CARD\"}");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retry.body()).path("outcome").asText()).isEqualTo("ALREADY_CONFIRMED");
        assertThat(JSON.readTree(retry.body()).path("receiptNumber").asText())
                .isEqualTo(receipt.path("receiptNumber").asText());

        JsonNode after =
                JSON.readTree(get(null, "/api/public/dossiers/" + code, key).body());
        assertThat(after.path("status").asInt()).isEqualTo(4);
        assertThat(after.path("payment").path("status").asText()).isEqualTo("PAID");
        assertThat(after.path("payment").has("howToPay")).isFalse();
        String receiptHref = after.path("payment").path("receiptHref").asText();
        assertThat(receiptHref).isEqualTo("/api/public/dossiers/" + code + "/payments/" + reference + "/receipt");
        assertThat(JSON.readTree(get(null, "/api/public/dossiers/" + code, null).body())
                        .has("payment"))
                .as("the receipt only with the lookup key")
                .isFalse();

        HttpResponse<byte[]> pdf = getBytes(null, receiptHref, key);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        ZonedDateTime paidAt =
                OffsetDateTime.parse(receipt.path("paidAt").asText()).atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(PdfText.folded(pdf.body()))
                .contains("BIÊN LAI THU PHÍ, LỆ PHÍ")
                .contains("Ký hiệu: " + receipt.path("receiptSeries").asText() + " Số: "
                        + receipt.path("receiptNumber").asText())
                .contains("Mã hồ sơ: " + code)
                .contains("Tổng cộng: 4.000 đ")
                .contains("Bằng chữ: Bốn nghìn đồng.")
                .contains("Hình thức nộp: Thẻ ngân hàng tại Bộ phận Một cửa")
                .contains("Thời điểm nộp: " + paidAt.format(DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")))
                .contains("Người thu: " + CLERK_A);
        // The QR code of Thông tư 01/2023/TT-VPCP at the top left, as on the slips.
        QrContent qr = QrCodes.read(pdf.body()).flatMap(QrContent::parse).orElseThrow();
        assertThat(qr.dossierCode()).isEqualTo(code);
        assertThat(qr.documentName()).isEqualTo("Biên lai thu phí, lệ phí");
        assertThat(qr.issuedAt().toLocalDate()).isEqualTo(paidAt.toLocalDate());
        assertThat(getBytes(null, receiptHref, "KHONG-DUNG").statusCode()).isEqualTo(404);
        assertThat(getBytes(CLERK_A, "/api/dossiers/" + code + "/payments/" + reference + "/receipt", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(getBytes(CLERK_B, "/api/dossiers/" + code + "/payments/" + reference + "/receipt", null)
                        .statusCode())
                .isEqualTo(403);
        JsonNode list = JSON.readTree(
                get(CLERK_A, "/api/dossiers/" + code + "/payments", null).body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("reference").asText()).isEqualTo(reference);

        awaitFeeState(code, "PAID");
        JsonNode indices = JSON.readTree(get(
                        CLERK_A,
                        "/api/stats/indices?from=" + LocalDate.now().minusDays(1) + "&to="
                                + LocalDate.now().plusDays(1),
                        null)
                .body());
        assertThat(indices.toString()).contains("\"paid\":1").contains("\"onlinePaymentRate\":0.0");
    }

    private static void accept(String code) {
        TaskService tasks = app.bean(TaskService.class);
        String task = tasks.createTaskQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
        tasks.complete(task, Map.of("receiptDecision", "accept"));
    }

    private static void awaitFeeState(String code, String state) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                get(CLERK_A, "/api/dossiers?q=" + code, null).body())
                        .contains("\"feeState\":\"" + state + "\""));
    }

    /** A certified copy of 2 copies of 1 page each (4.000 đ) for the demo commune, submitted online. */
    private static JsonNode submit() throws Exception {
        return OnlineSubmission.submit(app, """
                {"procedureKey": "chung-thuc-ban-sao", "agencyCode": "000.00.99.H99",
                 "applicant": {"name": "Nguyễn Văn Đoàn", "identityNumber": "001090012345", "phone": "0912345678"},
                 "data": {"documentName": "Bằng tốt nghiệp", "copyCount": 2, "pagesPerCopy": 1}}""", "ban-chinh.pdf");
    }

    private static HttpResponse<String> post(String user, String code, String json) throws Exception {
        return HTTP.send(
                authorized(user, HttpRequest.newBuilder(URI.create(base + "/api/dossiers/" + code + "/payments/desk")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String user, String path, String lookupKey) throws Exception {
        HttpRequest.Builder request = authorized(user, HttpRequest.newBuilder(URI.create(base + path)));
        if (lookupKey != null) {
            request.header("X-Lookup-Key", lookupKey);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> getBytes(String user, String path, String lookupKey) throws Exception {
        HttpRequest.Builder request = authorized(user, HttpRequest.newBuilder(URI.create(base + path)));
        if (lookupKey != null) {
            request.header("X-Lookup-Key", lookupKey);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder authorized(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", TestApplication.basic(user));
        }
        return request.timeout(Duration.ofSeconds(30));
    }
}
