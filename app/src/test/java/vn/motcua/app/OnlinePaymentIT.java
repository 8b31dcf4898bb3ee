package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;
import vn.motcua.app.gateway.GatewayCallback;
import vn.motcua.app.gateway.GatewayCallbacks;
import vn.motcua.app.gateway.vnpay.VnpayParameters;
import vn.motcua.app.gateway.vnpay.VnpaySignature;
import vn.motcua.app.testing.OnlineSubmission;
import vn.motcua.app.testing.PdfText;
import vn.motcua.app.testing.TestApplication;
import vn.motcua.document.QrCodes;
import vn.motcua.document.QrContent;
import vn.motcua.engine.EngineClock;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.Payments;

/**
 * Online payment on the embedded defaults, over HTTP: a dossier with a fee waits in status 6, the citizen starts
 * paying, the local VNPAY simulator's page pays, its signed IPN confirms and the dossier moves on; and each kind of
 * refused notification (duplicate, forged, wrong amount, unknown reference, wrong merchant, late, failed at the
 * gateway) answers VNPAY's code, is logged and changes nothing. Each test has a dossier of its own. The citizen's
 * side also in the real headless Chromium: the tracking page's link, the simulator's page, the result page.
 */
class OnlinePaymentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final AtomicInteger IDENTITY = new AtomicInteger(100);
    /** Certified copy, one copy of one page: 2.000 đ (Thông tư 226/2016/TT-BTC). */
    private static final long FEE = 2_000;

    private static TestApplication app;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        app = TestApplication.start("online-payment-it", "--motcua.outbox.poll-interval=PT0.1S");
        base = app.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aCitizenPaysThroughTheSimulatorAndTheDossierMovesOn() throws Exception {
        Awaiting d = dossierAwaitingPayment();
        assertThat(d.payment().amount()).isEqualTo(FEE);

        // The citizen starts paying: the answer is the (simulated) gateway's page, signed.
        HttpResponse<String> started = startPayment(d.code(), d.payment().reference(), d.lookupKey());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode start = JSON.readTree(started.body());
        assertThat(start.path("gateway").asText()).isEqualTo("vnpay");
        assertThat(start.path("amount").asLong()).isEqualTo(FEE);
        String redirect = start.path("redirectUrl").asText();
        assertThat(redirect).startsWith(base + "/gia-lap-vnpay/vpcpay.html?");
        Map<String, String> request = query(URI.create(redirect));
        assertThat(request)
                .containsEntry("vnp_Version", "2.1.0")
                .containsEntry("vnp_Command", "pay")
                .containsEntry("vnp_Amount", "200000")
                .containsEntry("vnp_CurrCode", "VND")
                .containsEntry("vnp_TxnRef", d.payment().reference())
                .containsEntry("vnp_ReturnUrl", base + "/thanh-toan/vnpay/ket-qua");

        // The simulator's page, clearly marked, with the amount; the person chooses "pay".
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(redirect)).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("GIẢ LẬP")
                .contains("2.000 đ")
                .contains(d.payment().reference());
        Map<String, String> form = hiddenFields(page.body());
        form.put("lua-chon", "thanh-toan");
        HttpResponse<String> chosen = send(HttpRequest.newBuilder(URI.create(base + "/gia-lap-vnpay/vpcpay.html"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form))));
        assertThat(chosen.statusCode()).isEqualTo(303);
        String returned = chosen.headers().firstValue("Location").orElseThrow();
        assertThat(returned).startsWith(base + "/thanh-toan/vnpay/ket-qua?");

        // The simulator's IPN, server to server, confirmed it before sending the browser back.
        Payment paid = payments().find(d.payment().reference()).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.gateway()).isEqualTo("vnpay");
        assertThat(paid.gatewayTransactionNo())
                .isEqualTo(query(URI.create(returned)).get("vnp_TransactionNo"));
        await().atMost(Duration.ofSeconds(20)).until(() -> publicStatus(d.code()) == 4);
        assertThat(verdicts(d)).containsExactly("NOTIFICATION CONFIRMED 00");

        // The return page shows the outcome and leads back to the tracking page.
        HttpResponse<String> result =
                send(HttpRequest.newBuilder(URI.create(returned)).GET());
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("data-outcome=\"paid\"").contains("href=\"/tra-cuu/?ma=" + d.code() + "\"");

        // VNPAY repeats the IPN: "02", nothing changes.
        JsonNode repeat = ipn(URI.create(returned).getRawQuery());
        assertThat(repeat.path("RspCode").asText()).isEqualTo("02");
        Payment after = payments().find(d.payment().reference()).orElseThrow();
        assertThat(after.receiptNumber()).isEqualTo(paid.receiptNumber());
        assertThat(after.confirmedAt()).isEqualTo(paid.confirmedAt());
        assertThat(paymentEvents(d.code())).isEqualTo(1);
        assertThat(verdicts(d))
                .containsExactly(
                        "NOTIFICATION CONFIRMED 00", "RETURN RETURN_SHOWN null", "NOTIFICATION ALREADY_CONFIRMED 02");
        assertThat(parametersLogged(d)).noneMatch(p -> p.contains("SecureHash") || p.contains(secret()));

        // The citizen downloads the receipt: the gateway and its transaction number, the QR code of the dossier.
        HttpResponse<byte[]> receipt = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/public/dossiers/" + d.code() + "/payments/"
                                + d.payment().reference() + "/receipt"))
                        .header("X-Lookup-Key", d.lookupKey())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        String text = PdfText.folded(receipt.body());
        assertThat(text)
                .contains("BIÊN LAI THU PHÍ, LỆ PHÍ")
                .contains("Tổng cộng: 2.000 đ")
                .contains("Bằng chữ: Hai nghìn đồng.")
                .contains("Hình thức nộp: Trực tuyến qua vnpay, mã giao dịch " + paid.gatewayTransactionNo())
                .contains("Thời điểm nộp: "
                        + paid.paidAt()
                                .atZone(EngineClock.VIETNAM)
                                .format(DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")))
                .doesNotContain("Người thu");
        QrContent qr = QrCodes.read(receipt.body()).flatMap(QrContent::parse).orElseThrow();
        assertThat(qr.dossierCode()).isEqualTo(d.code());
        assertThat(qr.documentName()).isEqualTo("Biên lai thu phí, lệ phí");
        assertThat(qr.issuedAt())
                .isEqualTo(LocalDateTime.ofInstant(paid.confirmedAt(), EngineClock.VIETNAM)
                        .truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void inTheBrowserTheLinkLeadsThroughTheSimulatorsPageToTheResultPage() throws Exception {
        Awaiting d = dossierAwaitingPayment();
        // The owner's tracking view's link (payment.payUrl; the keyless view has no fee box), with the key in the
        // fragment as the tracking page keeps it.
        HttpResponse<String> view = send(HttpRequest.newBuilder(URI.create(base + "/api/public/dossiers/" + d.code()))
                .header("X-Lookup-Key", d.lookupKey())
                .GET());
        String payUrl =
                JSON.readTree(view.body()).path("payment").path("payUrl").asText();
        assertThat(payUrl)
                .isEqualTo("/thanh-toan/?ma=" + d.code() + "&tham-chieu="
                        + d.payment().reference());
        String link = base + payUrl + "#khoa=" + d.lookupKey();

        // The tracking page opened with the key: "what you need to do" points to the fee box, whose link carries it.
        try (Chromium.Page browser = Chromium.Page.open(base + "/tra-cuu/?ma=" + d.code() + "#khoa=" + d.lookupKey())) {
            assertThat(browser.textOnceShown(
                            "#payment", s -> s.contains(d.payment().reference())))
                    .contains("2.000");
            assertThat(browser.attribute("#asked-pay-link", "href")).endsWith("#payment");
            assertThat(browser.attribute("#pay-online", "href")).isEqualTo(link);
            browser.click("#pay-online");
            assertThat(browser.textOnceShown("#dossier-code", s -> !s.isBlank()))
                    .isEqualTo(d.code());
            browser.click("#pay");
            // The page changes under the browser: read again until the next page answers.
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> browser.textOnceShown("#gia-lap", s -> s.contains("GIẢ LẬP")),
                            s -> s.contains("SIMULATOR"));
            assertThat(browser.textOnceShown("#so-tien", s -> !s.isBlank())).isEqualTo("2.000 đ");
            browser.click("#thanh-toan");
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> browser.textOnceShown("#ket-qua", s -> !s.isBlank()),
                            s -> s.startsWith("Đã thanh toán"));
            assertThat(browser.attribute("#tra-cuu", "href")).endsWith("/tra-cuu/?ma=" + d.code());
        }
        assertThat(payments().find(d.payment().reference()).orElseThrow().status())
                .isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void aDeskClerkRecordsTheFeeOnTheDossierPageAndTheLeaderSeesTheOnlinePaymentRate() throws Exception {
        Awaiting d = dossierAwaitingPayment();
        String form = "form.cb-desk-payment";
        try (Chromium.Page page = Chromium.Page.signedIn(base, "tiepnhan01", "/can-bo/ho-so/" + d.code())) {
            assertThat(page.textOnceShown(
                            "#dossier", s -> s.contains(d.payment().reference())))
                    .contains("2.000 đ")
                    .contains("Chờ nộp");
            assertThat(page.evaluate("document.querySelector('" + form + "').dataset.action"))
                    .isEqualTo("/api/dossiers/" + d.code() + "/payments/desk");
            // A wrong amount: the payment API's problem, shown as text; nothing recorded.
            page.fill(form + " input[name=amount]", "1000");
            page.click(form + " button");
            assertThat(page.textOnceShown(form + " .error", s -> !s.isBlank()))
                    .contains("Số tiền không khớp")
                    .contains("2000");
            assertThat(publicStatus(d.code())).isEqualTo(6);
            // The right amount in cash: the dossier moves on and the page shows the receipt.
            page.fill(form + " input[name=amount]", String.valueOf(FEE));
            page.click(form + " button");
            await().atMost(Duration.ofSeconds(30)).until(() -> publicStatus(d.code()) == 4);
            assertThat(page.textOnceShown("#dossier", s -> s.contains("Biên lai")))
                    .contains("Đã nộp")
                    .contains("DESK_CASH");
            assertThat(page.evaluate("String(document.querySelectorAll('" + form + "').length)"))
                    .isEqualTo("0");
            assertThat(page.attribute("#dossier a[href*='/payments/']", "href"))
                    .endsWith("/api/dossiers/" + d.code() + "/payments/"
                            + d.payment().reference() + "/receipt");
            assertThat(page.attribute("#dossier a[href$='/control-slip']", "href"))
                    .endsWith("/api/dossiers/" + d.code() + "/control-slip");
        }
        Payment paid = payments().find(d.payment().reference()).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.recordedBy()).isEqualTo("tiepnhan01");

        // The leader's dashboard draws the online-payment rate (766 indices) and links the tracking register.
        try (Chromium.Page page = Chromium.Page.signedIn(base, "lanhdao01", "/can-bo/thong-ke")) {
            String chart = page.once(
                    "(() => { const h = [...document.querySelectorAll('h2')].find(e => e.textContent"
                            + " === 'Tỷ lệ hồ sơ thanh toán trực tuyến theo cơ quan'); return h ? (document"
                            + ".getElementById(h.id.replace('h-', 'chart-')) || {}).textContent || '' : ''; })()",
                    s -> !s.isBlank());
            assertThat(chart).contains("%");
            assertThat(page.attribute("#registers a", "href"))
                    .contains("/api/register?agency=000.00.99.H99&from=")
                    .endsWith("&format=pdf");
        }
    }

    @Test
    void forgedMismatchedAndFailedNotificationsAreRefusedLoggedAndChangeNothing() throws Exception {
        Awaiting d = dossierAwaitingPayment();
        String reference = d.payment().reference();

        Map<String, String> forged = notice(reference, "200000", "00", "00", "GIALAP01", Instant.now());
        forged.put("vnp_SecureHash", VnpaySignature.sign(forged, "NOT-THE-MERCHANT-SECRET"));
        assertThat(ipn(forged)).isEqualTo(answer("97", "Invalid signature"));
        Map<String, String> tampered = signed(notice(reference, "200000", "00", "00", "GIALAP01", Instant.now()));
        tampered.put("vnp_Amount", "100");
        assertThat(ipn(tampered).path("RspCode").asText()).isEqualTo("97");
        assertThat(ipn(signed(notice("NO-SUCH-REFERENCE", "200000", "00", "00", "GIALAP01", Instant.now()))))
                .isEqualTo(answer("01", "Order not found"));
        assertThat(ipn(signed(notice(reference, "100000", "00", "00", "GIALAP01", Instant.now()))))
                .isEqualTo(answer("04", "Invalid amount"));
        assertThat(ipn(signed(notice(reference, "200000", "00", "00", "ANOTHER1", Instant.now()))))
                .isEqualTo(answer("99", "Invalid merchant"));
        // Cancelled at the gateway: acknowledged, recorded as a failed attempt, not paid.
        assertThat(ipn(signed(notice(reference, "200000", "24", "02", "GIALAP01", Instant.now()))))
                .isEqualTo(answer("00", "Confirm Success"));
        // A browser return that says "paid" marks nothing paid.
        HttpResponse<String> shown = send(HttpRequest.newBuilder(URI.create(base + "/thanh-toan/vnpay/ket-qua?"
                        + VnpaySignature.signedQuery(
                                notice(reference, "200000", "00", "00", "GIALAP01", Instant.now()), secret())))
                .GET());
        assertThat(shown.body()).contains("data-outcome=\"pending\"");
        HttpResponse<String> forgedReturn =
                send(HttpRequest.newBuilder(URI.create(base + "/thanh-toan/vnpay/ket-qua?vnp_TxnRef=" + reference
                                + "&vnp_ResponseCode=00&vnp_TransactionStatus=00&vnp_SecureHash=00"))
                        .GET());
        assertThat(forgedReturn.body()).contains("data-outcome=\"unverified\"").doesNotContain(d.code());

        assertThat(payments().find(reference).orElseThrow().status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(publicStatus(d.code())).isEqualTo(6);
        assertThat(paymentEvents(d.code())).isZero();
        assertThat(verdicts(d))
                .containsExactly(
                        "NOTIFICATION BAD_SIGNATURE 97",
                        "NOTIFICATION BAD_SIGNATURE 97",
                        "NOTIFICATION WRONG_AMOUNT 04",
                        "NOTIFICATION WRONG_MERCHANT 99",
                        "NOTIFICATION FAILED_AT_GATEWAY 00",
                        "RETURN RETURN_SHOWN null",
                        "RETURN RETURN_FORGED null");
        assertThat(app.bean(JdbcTemplate.class)
                        .queryForObject(
                                "select verdict from payment_gateway_callback where payment_reference = ?",
                                String.class,
                                "NO-SUCH-REFERENCE"))
                .isEqualTo("UNKNOWN_REFERENCE");

        // The genuine notification still goes through afterwards.
        assertThat(ipn(signed(notice(reference, "200000", "00", "00", "GIALAP01", Instant.now()))))
                .isEqualTo(answer("00", "Confirm Success"));
        await().atMost(Duration.ofSeconds(20)).until(() -> publicStatus(d.code()) == 4);
    }

    @Test
    void aLateNotificationIsRefusedAndTheDossierStaysUnpaidThenStopped() throws Exception {
        Awaiting d = dossierAwaitingPayment();
        String reference = d.payment().reference();
        Instant afterExpiry = d.payment().expiresAt().plusSeconds(60);

        // Paid at the gateway after the request's expiry, before the expiry timer ran: refused.
        assertThat(ipn(signed(notice(reference, "200000", "00", "00", "GIALAP01", afterExpiry))))
                .isEqualTo(answer("02", "Order already confirmed"));
        assertThat(payments().find(reference).orElseThrow().status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(publicStatus(d.code())).isEqualTo(6);

        // The expiry timer runs: the dossier stops; a notification after that changes nothing either.
        ManagementService management = app.bean(ManagementService.class);
        Job expiry = management
                .createJobQuery()
                .processInstanceId(processInstance(d.code()))
                .activityId("BoundaryEvent_PaymentExpired")
                .singleResult();
        management.executeJob(expiry.getId());
        assertThat(publicStatus(d.code())).isEqualTo(8);
        assertThat(payments().find(reference).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);

        assertThat(ipn(signed(notice(reference, "200000", "00", "00", "GIALAP01", Instant.now()))))
                .isEqualTo(answer("02", "Order already confirmed"));
        assertThat(payments().find(reference).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(publicStatus(d.code())).isEqualTo(8);
        assertThat(paymentEvents(d.code())).isZero();
        assertThat(verdicts(d))
                .containsExactly("NOTIFICATION NO_LONGER_PAYABLE 02", "NOTIFICATION NO_LONGER_PAYABLE 02");
        // and it can no longer be started
        assertThat(startPayment(d.code(), reference, d.lookupKey()).statusCode())
                .isEqualTo(409);
    }

    @Test
    void startingAPaymentNeedsTheDossiersCodeAndKeyAndAnOpenRequest() throws Exception {
        Awaiting d = dossierAwaitingPayment();
        Awaiting other = dossierAwaitingPayment();

        assertThat(startPayment(d.code(), d.payment().reference(), null).statusCode())
                .isEqualTo(404);
        assertThat(startPayment(d.code(), d.payment().reference(), other.lookupKey())
                        .statusCode())
                .isEqualTo(404);
        assertThat(startPayment(d.code(), other.payment().reference(), d.lookupKey())
                        .statusCode())
                .isEqualTo(404);
        assertThat(startPayment(d.code(), "NO-SUCH-REFERENCE", d.lookupKey()).statusCode())
                .isEqualTo(404);

        assertThat(ipn(signed(notice(d.payment().reference(), "200000", "00", "00", "GIALAP01", Instant.now())))
                        .path("RspCode")
                        .asText())
                .isEqualTo("00");
        HttpResponse<String> paid = startPayment(d.code(), d.payment().reference(), d.lookupKey());
        assertThat(paid.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(paid.body()).path("type").asText())
                .isEqualTo("https://motcua.vn/problems/payment-not-payable");
        // The simulator refuses a payment page whose signature does not hold.
        HttpResponse<String> started =
                startPayment(other.code(), other.payment().reference(), other.lookupKey());
        String redirect = JSON.readTree(started.body()).path("redirectUrl").asText();
        HttpResponse<String> tampered =
                send(HttpRequest.newBuilder(URI.create(redirect.replace("vnp_Amount=200000", "vnp_Amount=100")))
                        .GET());
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("Sai chữ ký");
    }

    // ------------------------------------------------------------------ the dossier

    record Awaiting(String code, String lookupKey, Payment payment) {}

    /** A certified-copy dossier submitted online at the demo commune, received by its desk: waiting for its fee. */
    private static Awaiting dossierAwaitingPayment() throws Exception {
        HttpResponse<String> created = send(submission(String.format("0010911%05d", IDENTITY.incrementAndGet())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(created.body());
        String code = receipt.path("code").asText();
        TaskService tasks = app.bean(TaskService.class);
        String task = tasks.createTaskQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
        tasks.complete(task, Map.of("receiptDecision", "accept"));
        assertThat(publicStatus(code)).isEqualTo(6);
        Payment payment = payments().openRequest(code).orElseThrow();
        return new Awaiting(code, receipt.path("lookupKey").asText(), payment);
    }

    private static HttpRequest.Builder submission(String identityNumber) {
        return OnlineSubmission.request(base, """
                {"procedureKey": "chung-thuc-ban-sao", "agencyCode": "000.00.99.H99",
                 "applicant": {"name": "Nguyễn Văn Đoàn", "identityNumber": "%s", "phone": "0912345678"},
                 "data": {"documentName": "Bằng tốt nghiệp", "copyCount": 1, "pagesPerCopy": 1}}""".formatted(identityNumber), "tep.pdf");
    }

    private static Payments payments() {
        return app.bean(Payments.class);
    }

    private static String processInstance(String code) {
        return app.bean(RuntimeService.class)
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
    }

    private static int publicStatus(String code) {
        return app.bean(JdbcTemplate.class)
                .queryForObject("select public_status from dossier where code = ?", Integer.class, code);
    }

    private static int paymentEvents(String code) {
        return app.bean(JdbcTemplate.class)
                .queryForObject(
                        "select count(*) from dossier_event e join dossier d on d.id = e.dossier_id"
                                + " where d.code = ? and e.internal_step = 'payment-received'",
                        Integer.class,
                        code);
    }

    private static List<String> verdicts(Awaiting d) {
        return app.bean(GatewayCallbacks.class).forReference(d.payment().reference()).stream()
                .map(c -> c.kind() + " " + c.verdict() + " " + c.answerCode())
                .toList();
    }

    private static List<String> parametersLogged(Awaiting d) {
        return app.bean(GatewayCallbacks.class).forReference(d.payment().reference()).stream()
                .map(GatewayCallback::parameters)
                .toList();
    }

    // ------------------------------------------------------------------ the gateway's side

    /** The simulator's merchant secret, as the simulator made it under the data folder. */
    private static String secret() {
        try {
            return Files.readString(app.dataDir().resolve("payment-simulator").resolve("merchant-secret"))
                    .strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> notice(
            String reference, String amount, String responseCode, String status, String tmnCode, Instant paidAt) {
        Map<String, String> p = new TreeMap<>();
        p.put("vnp_Amount", amount);
        p.put("vnp_BankCode", "NCB");
        p.put("vnp_CardType", "ATM");
        p.put("vnp_OrderInfo", "Nop phi");
        p.put("vnp_PayDate", VnpayParameters.date(paidAt));
        p.put("vnp_ResponseCode", responseCode);
        p.put("vnp_TmnCode", tmnCode);
        p.put("vnp_TransactionNo", "1" + (System.nanoTime() % 10_000_000));
        p.put("vnp_TransactionStatus", status);
        p.put("vnp_TxnRef", reference);
        return p;
    }

    private static Map<String, String> signed(Map<String, String> p) {
        Map<String, String> withHash = new TreeMap<>(p);
        withHash.put("vnp_SecureHash", VnpaySignature.sign(p, secret()));
        return withHash;
    }

    private static JsonNode ipn(Map<String, String> parameters) throws Exception {
        return ipn(formEncode(parameters));
    }

    private static JsonNode ipn(String rawQuery) throws Exception {
        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(URI.create(base + "/api/public/payments/vnpay/ipn?" + rawQuery))
                        .GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static JsonNode answer(String code, String message) {
        return JSON.createObjectNode().put("RspCode", code).put("Message", message);
    }

    private static HttpResponse<String> startPayment(String code, String reference, String lookupKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + "/api/public/dossiers/" + code + "/payments/" + reference + "/online"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (lookupKey != null) {
            request.header("X-Lookup-Key", lookupKey);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(
                request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            p.put(
                    java.net.URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
                .matcher(html);
        while (m.find()) {
            fields.put(HtmlUtils.htmlUnescape(m.group(1)), HtmlUtils.htmlUnescape(m.group(2)));
        }
        return fields;
    }

    private static String formEncode(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
