package vn.motcua.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import vn.motcua.app.testing.OnlineSubmission;
import vn.motcua.app.testing.TestApplication;

/**
 * Notifications leave through the outbox to a real SMTP server (GreenMail) and to a local HTTP
 * server speaking the SMS adapter's protocol, which fails the first attempt: the dossier goes on,
 * and the SMS arrives on the retry with the same reference.
 */
class NotificationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> smsReceived = new CopyOnWriteArrayList<>();
    private static final List<String> smsAuthorization = new CopyOnWriteArrayList<>();
    private static final AtomicInteger smsCalls = new AtomicInteger();
    private static GreenMail smtp;
    private static HttpServer smsProvider;
    private static TestApplication app;
    private static RestClient http;

    @BeforeAll
    static void start() throws IOException {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        smsProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        smsProvider.createContext("/sms", exchange -> {
            int call = smsCalls.incrementAndGet();
            smsAuthorization.add(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            // The provider is down for the first message it sees.
            int status = call == 1 ? 503 : 202;
            if (status == 202) {
                smsReceived.add(body);
            }
            byte[] answer =
                    (status == 202 ? "{\"accepted\":true}" : "{\"error\":\"busy\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        smsProvider.start();

        app = TestApplication.start(
                "notification-it",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--motcua.sms.endpoint=http://127.0.0.1:"
                        + smsProvider.getAddress().getPort() + "/sms",
                "--motcua.sms.api-key=test-key",
                "--motcua.sms.sender=UBND-XA",
                "--motcua.outbox.poll-interval=PT0.2S",
                "--motcua.outbox.first-retry=PT1S");
        http = app.http();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (smsProvider != null) {
            smsProvider.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theCitizenGetsAnSmsAndAnEmailOnReceiptEvenWhenTheSmsProviderFailsAtFirst() throws Exception {
        String code = submit();
        receive(code);

        assertThat(http.get()
                        .uri("/api/public/dossiers/{code}", code)
                        .retrieve()
                        .body(JsonNode.class)
                        .path("status")
                        .asInt())
                .as("the dossier is not held up by the SMS provider: received, it now waits for its fee")
                .isEqualTo(6);
        // Two moments to tell of: the receipt, then the fee to pay (docs/fees.md).
        await(() -> smsReceived.size() == 2 && smtp.getReceivedMessages().length == 2);

        JsonNode sms = smsReceived.stream()
                .filter(m -> m.path("text").asText().contains("da duoc tiep nhan"))
                .findFirst()
                .orElseThrow();
        assertThat(sms.path("to").asText()).isEqualTo("0912345678");
        assertThat(sms.path("sender").asText()).isEqualTo("UBND-XA");
        assertThat(sms.path("text").asText())
                .isEqualTo("Ho so " + code
                        + " da duoc tiep nhan. Tra cuu tinh trang tren Cong dich vu cong bang ma ho so.");
        assertThat(sms.path("reference").asText()).startsWith("outbox-");
        assertThat(smsReceived)
                .anySatisfy(m -> assertThat(m.path("text").asText())
                        .startsWith("Ho so " + code + ": De nghi nop phi, le phi 6.000 d"));
        assertThat(smsCalls.get())
                .as("one failed attempt, then the retry, then the fee request")
                .isEqualTo(3);
        assertThat(smsAuthorization).containsOnly("Bearer test-key");

        MimeMessage email = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().endsWith("đã được tiếp nhận");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("doan@example.vn");
        assertThat(email.getSubject()).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận");
        assertThat(GreenMailUtil.getBody(email)).isNotBlank();
        assertThat(email.getMessageID()).matches("<outbox-\\d+@motcua>");
    }

    private static String submit() throws Exception {
        return OnlineSubmission.submit(app, """
                        {"procedureKey": "chung-thuc-ban-sao", "agencyCode": "000.00.99.H99",
                         "applicant": {"name": "Nguyễn Văn Đoàn", "identityNumber": "001090012345",
                                       "phone": "0912345678", "email": "doan@example.vn"},
                         "data": {"documentName": "Học bạ", "copyCount": 1, "pagesPerCopy": 4}}""", "hoc-ba.pdf").path("code").asText();
    }

    private static void receive(String code) {
        app.completeTask(code, "tiepnhan01", Map.of("receiptDecision", "accept"));
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await("delivery")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(condition.getAsBoolean())
                        .as(
                                "delivered: %d SMS, %d e-mails, %d SMS calls",
                                smsReceived.size(), smtp.getReceivedMessages().length, smsCalls.get())
                        .isTrue());
    }
}
