package vn.motcua.app.gateway.simulator;

import static vn.motcua.app.gateway.vnpay.VnpayParameters.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.motcua.app.gateway.GatewayRequests;
import vn.motcua.app.gateway.vnpay.VnpaySignature;

/**
 * The simulated VNPAY payment page. GET shows the signed request (refused when the signature, terminal or version
 * is wrong) with "pay" and "cancel"; POST does what VNPAY does after the customer chose: signs the outcome, calls the
 * application's IPN server to server, and sends the browser to {@code vnp_ReturnUrl} with the same signed parameters.
 */
@Controller
@ConditionalOnGatewaySimulator
@RequestMapping(GatewaySimulator.PAGE)
class GatewaySimulator {

    static final String PAGE = "/gia-lap-vnpay/vpcpay.html";
    static final String IPN_PATH = "api/public/payments/vnpay/ipn";
    static final String CHOICE = "lua-chon";
    static final String PAY = "thanh-toan";
    static final String CANCEL = "huy";
    private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

    private static final Logger log = LoggerFactory.getLogger(GatewaySimulator.class);

    private final SimulatedMerchant merchant;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final SecureRandom random = new SecureRandom();

    GatewaySimulator(SimulatedMerchant merchant, Clock clock, ObjectMapper json) {
        this.merchant = merchant;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping(produces = HTML)
    ResponseEntity<String> page(HttpServletRequest request) {
        Map<String, String> vnp = vnpOnly(GatewayRequests.firstValues(request));
        Optional<String> refusal = refusal(vnp);
        if (refusal.isPresent()) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.parseMediaType(HTML))
                    .body(refused(refusal.get()));
        }
        StringBuilder hidden = new StringBuilder();
        vnp.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"")
                .append(text(name))
                .append("\" value=\"")
                .append(text(value))
                .append("\">\n"));
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            hidden.append("<input type=\"hidden\" name=\"")
                    .append(text(csrf.getParameterName()))
                    .append("\" value=\"")
                    .append(text(csrf.getToken()))
                    .append("\">\n");
        }
        long amount = parseAmount(vnp.get(VNP_AMOUNT)).orElseThrow();
        String body = """
                <p>Đơn vị: <strong>%s</strong></p>
                <p>Mã giao dịch của đơn vị / Order: <strong id="ma-giao-dich">%s</strong></p>
                <p>Nội dung / Description: <span id="noi-dung">%s</span></p>
                <p>Số tiền / Amount: <strong id="so-tien">%s đ</strong></p>
                <p>Hết hạn / Expires: %s</p>
                <form method="post" action="%s">
                %s<p><button type="submit" id="thanh-toan" name="%s" value="%s">Thanh toán — Pay</button></p>
                <p><button type="submit" id="huy" name="%s" value="%s">Hủy giao dịch — Cancel</button></p>
                </form>
                """.formatted(
                        text(vnp.get(VNP_TMN_CODE)),
                        text(vnp.get(VNP_TXN_REF)),
                        text(vnp.getOrDefault(VNP_ORDER_INFO, "")),
                        text(NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"))
                                .format(amount)),
                        text(vnp.get(VNP_EXPIRE_DATE)),
                        text(request.getContextPath() + PAGE),
                        hidden,
                        CHOICE,
                        PAY,
                        CHOICE,
                        CANCEL);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(HTML)).body(page(body));
    }

    @PostMapping(produces = HTML)
    ResponseEntity<String> choose(HttpServletRequest request) {
        Map<String, String> form = GatewayRequests.firstValues(request);
        Map<String, String> vnp = vnpOnly(form);
        Optional<String> refusal = refusal(vnp);
        if (refusal.isPresent()) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.parseMediaType(HTML))
                    .body(refused(refusal.get()));
        }
        Instant now = clock.instant();
        boolean pay = PAY.equals(form.get(CHOICE));
        boolean late = parseDate(vnp.get(VNP_EXPIRE_DATE)).map(now::isAfter).orElse(true);
        String code = !pay ? CANCELLED : late ? EXPIRED : SUCCESS;
        Map<String, String> outcome = new TreeMap<>();
        outcome.put(VNP_AMOUNT, vnp.get(VNP_AMOUNT));
        outcome.put(VNP_BANK_CODE, "GIALAP");
        outcome.put(VNP_CARD_TYPE, "ATM");
        outcome.put(VNP_ORDER_INFO, vnp.get(VNP_ORDER_INFO));
        outcome.put(VNP_PAY_DATE, date(now));
        outcome.put(VNP_RESPONSE_CODE, code);
        outcome.put(VNP_TMN_CODE, vnp.get(VNP_TMN_CODE));
        outcome.put(VNP_TRANSACTION_NO, String.valueOf(10_000_000 + random.nextInt(90_000_000)));
        outcome.put(VNP_TRANSACTION_STATUS, SUCCESS.equals(code) ? SUCCESS : "02");
        outcome.put(VNP_TXN_REF, vnp.get(VNP_TXN_REF));
        if (SUCCESS.equals(code)) {
            outcome.put(VNP_BANK_TRAN_NO, "GL" + outcome.get(VNP_TRANSACTION_NO));
        }
        String query = VnpaySignature.signedQuery(outcome, merchant.hashSecret());
        notifyMerchant(GatewayRequests.applicationUrl(request), query);
        String returnUrl = vnp.get(VNP_RETURN_URL);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, returnUrl + (returnUrl.contains("?") ? "&" : "?") + query)
                .build();
    }

    /** The IPN, server to server, as VNPAY sends it: GET with the signed parameters. Its answer is only logged. */
    private void notifyMerchant(URI applicationUrl, String query) {
        URI ipn = URI.create(applicationUrl.resolve(IPN_PATH) + "?" + query);
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(ipn)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            log.info(
                    "Payment simulator: IPN answered {} {}",
                    answer.statusCode(),
                    json.readTree(answer.body()).path("RspCode").asText());
        } catch (IOException e) {
            log.warn("Payment simulator: the IPN to {} failed: {}", applicationUrl, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why the simulator refuses a payment request, as VNPAY would; empty when it is well formed and signed. */
    private Optional<String> refusal(Map<String, String> vnp) {
        if (!VnpaySignature.verify(vnp, merchant.hashSecret())) {
            return Optional.of("Sai chữ ký (vnp_SecureHash) — invalid signature");
        }
        if (!SimulatedMerchant.TMN_CODE.equals(vnp.get(VNP_TMN_CODE))) {
            return Optional.of("Sai mã đơn vị (vnp_TmnCode) — unknown merchant");
        }
        if (!VERSION.equals(vnp.get(VNP_VERSION)) || !"pay".equals(vnp.get(VNP_COMMAND))) {
            return Optional.of("Sai phiên bản hoặc lệnh — unsupported version or command");
        }
        if (parseAmount(vnp.get(VNP_AMOUNT)).isEmpty() || !"VND".equals(vnp.get(VNP_CURR_CODE))) {
            return Optional.of("Sai số tiền — invalid amount");
        }
        if (vnp.get(VNP_TXN_REF) == null || vnp.get(VNP_RETURN_URL) == null || vnp.get(VNP_EXPIRE_DATE) == null) {
            return Optional.of("Thiếu tham số — missing parameters");
        }
        return Optional.empty();
    }

    private static Map<String, String> vnpOnly(Map<String, String> parameters) {
        Map<String, String> vnp = new TreeMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("vnp_")) {
                vnp.put(name, value);
            }
        });
        return vnp;
    }

    private static String refused(String reason) {
        return page("<p id=\"tu-choi\">Yêu cầu thanh toán không hợp lệ: " + text(reason) + "</p>\n");
    }

    private static String page(String body) {
        return """
                <!doctype html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>GIẢ LẬP cổng thanh toán — Payment gateway SIMULATOR</title>
                <style>body{font-family:sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;line-height:1.5}\
                .gia-lap{border:3px dashed #b00;padding:.5rem;color:#b00}button{padding:.7rem 1rem;font-size:1rem}</style>
                </head>
                <body>
                <p class="gia-lap" id="gia-lap"><strong>GIẢ LẬP</strong> cổng thanh toán VNPAY, chỉ để thử nghiệm: không có\
                 giao dịch và không có tiền thật. — A payment gateway SIMULATOR for testing: no real transaction, no real\
                 money.</p>
                <h1>Thanh toán trực tuyến</h1>
                %s</body>
                </html>
                """.formatted(body);
    }

    /** Text for HTML: only {@code < > & " '} escaped, Vietnamese letters kept as they are (UTF-8 page). */
    private static String text(Object value) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(String.valueOf(value), "UTF-8");
    }
}
