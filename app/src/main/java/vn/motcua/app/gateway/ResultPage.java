package vn.motcua.app.gateway;

import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The citizen's page after the gateway sends the browser back: what happened, in Vietnamese and English, and the way
 * back to the tracking page. Plain server-rendered HTML; everything from outside is escaped.
 */
public final class ResultPage {

    private ResultPage() {}

    public static String render(ReturnOutcome outcome) {
        String kind;
        String vi;
        String en;
        Optional<PayableRequest> request = outcome.request();
        if (!outcome.authentic()) {
            kind = "unverified";
            vi =
                    "Không xác minh được kết quả thanh toán này. Nếu tài khoản đã bị trừ tiền, hãy liên hệ bộ phận một cửa.";
            en = "This payment result could not be verified. If your account was charged, contact the one-stop desk.";
        } else if (request.isPresent() && request.get().state() == PayableRequest.State.PAID) {
            kind = "paid";
            vi = "Đã thanh toán. Hồ sơ được tiếp tục giải quyết.";
            en = "Paid. The dossier is being processed again.";
        } else if (outcome.gatewayReportsPaid()) {
            kind = "pending";
            vi = "Cổng thanh toán báo giao dịch thành công; hệ thống đang chờ cổng thanh toán xác nhận."
                    + " Tình trạng hồ sơ sẽ được cập nhật trong ít phút.";
            en = "The gateway reports the payment succeeded; the system is waiting for the gateway's confirmation."
                    + " The dossier's status will update within minutes.";
        } else if ("24".equals(outcome.gatewayCode())) {
            kind = "cancelled";
            vi = "Bạn đã hủy giao dịch. Chưa thanh toán; bạn có thể thanh toán lại trước hạn.";
            en = "You cancelled the payment. Nothing was paid; you may pay again before the deadline.";
        } else {
            kind = "failed";
            vi = "Giao dịch không thành công (mã " + outcome.gatewayCode() + "). Chưa thanh toán.";
            en = "The payment did not go through (code " + outcome.gatewayCode() + "). Nothing was paid.";
        }
        String tracking = request.map(r -> UriComponentsBuilder.fromPath("/tra-cuu/")
                        .queryParam("ma", r.dossierCode())
                        .encode()
                        .build()
                        .toUriString())
                .orElse("/tra-cuu/");
        String dossier = request.map(
                        r -> "<p>Hồ sơ / Dossier: <strong id=\"ma-ho-so\">" + text(r.dossierCode()) + "</strong></p>\n")
                .orElse("");
        return """
                <!doctype html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Kết quả thanh toán — Payment result</title>
                <style>body{font-family:sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;line-height:1.5}\
                .en{color:#555}a{display:inline-block;padding:.6rem 0}</style>
                </head>
                <body>
                <h1>Kết quả thanh toán</h1>
                <p class="en">Payment result</p>
                <p id="ket-qua" data-outcome="%s">%s</p>
                <p class="en">%s</p>
                %s<p><a id="tra-cuu" href="%s">Xem tình trạng hồ sơ — Track the dossier</a></p>
                </body>
                </html>
                """.formatted(text(kind), text(vi), text(en), dossier, text(tracking));
    }

    /** Text for HTML: only {@code < > & " '} escaped, Vietnamese letters kept as they are (UTF-8 page). */
    private static String text(Object value) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(String.valueOf(value), "UTF-8");
    }
}
