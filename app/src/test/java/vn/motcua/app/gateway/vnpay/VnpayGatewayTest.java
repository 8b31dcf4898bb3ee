package vn.motcua.app.gateway.vnpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.app.gateway.CallbackVerdict;
import vn.motcua.app.gateway.GatewayCallback;
import vn.motcua.app.gateway.GatewayCallbacks;
import vn.motcua.app.gateway.NotificationResult;
import vn.motcua.app.gateway.PayableRequest;
import vn.motcua.app.gateway.PayableRequest.State;
import vn.motcua.app.gateway.PaymentLedger;
import vn.motcua.app.gateway.PaymentStart;
import vn.motcua.app.gateway.ReturnOutcome;

/** The adapter's parameters, and its verdict on each kind of IPN, against an in-memory ledger. */
class VnpayGatewayTest {

    static final String SECRET = "UNITTESTSECRETUNITTESTSECRET0001";
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    final FakeLedger ledger = new FakeLedger();
    final GatewayCallbacks callbacks = mock(GatewayCallbacks.class);
    final VnpayGateway gateway = new VnpayGateway(
            new VnpayProperties(
                    "MOTCUA01",
                    SECRET,
                    URI.create("https://gateway.test/paymentv2/vpcpay.html"),
                    null,
                    List.of(),
                    Duration.ofMinutes(15),
                    "vn",
                    "other"),
            ledger,
            callbacks,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theRedirectCarriesEveryParameterOfVersion210SignedWithTheSecret() {
        PayableRequest request = new PayableRequest(
                "R7XK2P9QW", "000.00.99.H99-261201-0001", 20_000, NOW.plus(Duration.ofDays(3)), State.OPEN);
        URI redirect = gateway.start(new PaymentStart(request, "203.0.113.9", URI.create("https://motcua.test/"), NOW));

        assertThat(redirect.toString()).startsWith("https://gateway.test/paymentv2/vpcpay.html?");
        Map<String, String> p = query(redirect);
        assertThat(p)
                .containsEntry("vnp_Version", "2.1.0")
                .containsEntry("vnp_Command", "pay")
                .containsEntry("vnp_TmnCode", "MOTCUA01")
                .containsEntry("vnp_Amount", "2000000")
                .containsEntry("vnp_CurrCode", "VND")
                .containsEntry("vnp_TxnRef", "R7XK2P9QW")
                .containsEntry("vnp_OrderInfo", "Nop phi le phi ho so 000.00.99.H99-261201-0001")
                .containsEntry("vnp_OrderType", "other")
                .containsEntry("vnp_Locale", "vn")
                .containsEntry("vnp_ReturnUrl", "https://motcua.test/thanh-toan/vnpay/ket-qua")
                .containsEntry("vnp_IpAddr", "203.0.113.9")
                .containsEntry("vnp_CreateDate", "20261201090000")
                .containsEntry("vnp_ExpireDate", "20261201091500")
                .doesNotContainKey("vnp_SecureHashType");
        assertThat(VnpaySignature.verify(p, SECRET)).isTrue();
        // The query is the signed string itself: sorted, encoded, then the signature.
        assertThat(redirect.getRawQuery()).startsWith(VnpaySignature.canonical(p) + "&vnp_SecureHash=");
    }

    @Test
    void theGatewaysWindowNeverOutlastsThePaymentRequest() {
        PayableRequest request = new PayableRequest("R1", "D-1", 1_000, NOW.plus(Duration.ofMinutes(5)), State.OPEN);
        URI redirect = gateway.start(new PaymentStart(request, "127.0.0.1", URI.create("http://localhost:8080/"), NOW));
        assertThat(query(redirect)).containsEntry("vnp_ExpireDate", "20261201090500");
    }

    @Test
    void aPaidIpnConfirmsOnceAndARepeatAnswers02() {
        ledger.open("REF1", 20_000);
        Map<String, String> ipn = ipn("REF1", "2000000", "00", "00", "MOTCUA01");

        assertThat(gateway.notification(ipn, "198.51.100.1"))
                .isEqualTo(new NotificationResult(CallbackVerdict.CONFIRMED, "00", "Confirm Success"));
        assertThat(ledger.confirmations).containsExactly("REF1 20000 vnpay 14000001");
        assertThat(gateway.notification(ipn, "198.51.100.1").answerCode()).isEqualTo("02");
        assertThat(ledger.requests.get("REF1").state()).isEqualTo(State.PAID);
    }

    @Test
    void aForgedSignatureAnswers97AndChangesNothing() {
        ledger.open("REF2", 20_000);
        Map<String, String> ipn = ipn("REF2", "2000000", "00", "00", "MOTCUA01");
        ipn.put("vnp_Amount", "100"); // changed after signing

        assertThat(gateway.notification(ipn, "198.51.100.1").answerCode()).isEqualTo("97");
        Map<String, String> signedByAnother = new TreeMap<>(ipn("REF2", "2000000", "00", "00", "MOTCUA01"));
        signedByAnother.put("vnp_SecureHash", VnpaySignature.sign(signedByAnother, "NOT THE SECRET"));
        assertThat(gateway.notification(signedByAnother, "198.51.100.1").verdict())
                .isEqualTo(CallbackVerdict.BAD_SIGNATURE);
        assertThat(ledger.confirmations).isEmpty();
    }

    @Test
    void refusedNotificationsChangeNothing() {
        ledger.open("REF3", 20_000);
        assertThat(gateway.notification(ipn("NOPE", "2000000", "00", "00", "MOTCUA01"), "x"))
                .extracting(NotificationResult::answerCode, NotificationResult::verdict)
                .containsExactly("01", CallbackVerdict.UNKNOWN_REFERENCE);
        assertThat(gateway.notification(ipn("REF3", "1000000", "00", "00", "MOTCUA01"), "x"))
                .extracting(NotificationResult::answerCode, NotificationResult::verdict)
                .containsExactly("04", CallbackVerdict.WRONG_AMOUNT);
        assertThat(gateway.notification(ipn("REF3", "2000050", "00", "00", "MOTCUA01"), "x")
                        .answerCode())
                .isEqualTo("04");
        assertThat(gateway.notification(ipn("REF3", "2000000", "00", "00", "OTHER001"), "x"))
                .extracting(NotificationResult::answerCode, NotificationResult::verdict)
                .containsExactly("99", CallbackVerdict.WRONG_MERCHANT);
        assertThat(ledger.confirmations).isEmpty();
        assertThat(ledger.requests.get("REF3").state()).isEqualTo(State.OPEN);
    }

    @Test
    void aFailureAtTheGatewayIsRecordedNotPaid() {
        ledger.open("REF4", 20_000);
        NotificationResult cancelled = gateway.notification(ipn("REF4", "2000000", "24", "02", "MOTCUA01"), "x");
        assertThat(cancelled.verdict()).isEqualTo(CallbackVerdict.FAILED_AT_GATEWAY);
        assertThat(cancelled.answerCode()).isEqualTo("00");
        // A success code with a failed transaction status is not a payment either.
        assertThat(gateway.notification(ipn("REF4", "2000000", "00", "02", "MOTCUA01"), "x")
                        .verdict())
                .isEqualTo(CallbackVerdict.FAILED_AT_GATEWAY);
        assertThat(ledger.confirmations).isEmpty();
        ArgumentCaptor<GatewayCallback> logged = ArgumentCaptor.forClass(GatewayCallback.class);
        verify(callbacks, org.mockito.Mockito.times(2)).record(logged.capture());
        assertThat(logged.getAllValues().get(0))
                .extracting(GatewayCallback::reference, GatewayCallback::amount, GatewayCallback::gatewayCode)
                .containsExactly("REF4", 20_000L, "24");
        assertThat(logged.getAllValues().get(0).parameters()).doesNotContain("vnp_SecureHash");
    }

    @Test
    void aLateIpnFindsTheRequestNoLongerPayable() {
        ledger.open("REF5", 20_000);
        ledger.requests.put("REF5", ledger.requests.get("REF5").withState(State.CLOSED));
        NotificationResult late = gateway.notification(ipn("REF5", "2000000", "00", "00", "MOTCUA01"), "x");
        assertThat(late.verdict()).isEqualTo(CallbackVerdict.NO_LONGER_PAYABLE);
        assertThat(late.answerCode()).isEqualTo("02");
        assertThat(ledger.requests.get("REF5").state()).isEqualTo(State.CLOSED);
    }

    @Test
    void onlyAllowedSourcesMayNotify() {
        VnpayGateway guarded = new VnpayGateway(
                new VnpayProperties(
                        "MOTCUA01",
                        SECRET,
                        URI.create("https://gateway.test/pay"),
                        null,
                        List.of("203.0.113.5"),
                        Duration.ofMinutes(15),
                        "vn",
                        "other"),
                ledger,
                callbacks,
                Clock.fixed(NOW, ZoneOffset.UTC));
        ledger.open("REF6", 20_000);
        assertThat(guarded.notification(ipn("REF6", "2000000", "00", "00", "MOTCUA01"), "198.51.100.7")
                        .verdict())
                .isEqualTo(CallbackVerdict.SOURCE_REFUSED);
        assertThat(ledger.confirmations).isEmpty();
        assertThat(guarded.notification(ipn("REF6", "2000000", "00", "00", "MOTCUA01"), "203.0.113.5")
                        .verdict())
                .isEqualTo(CallbackVerdict.CONFIRMED);
    }

    @Test
    void theBrowserReturnNeverConfirms() {
        ledger.open("REF7", 20_000);
        ReturnOutcome shown = gateway.browserReturn(ipn("REF7", "2000000", "00", "00", "MOTCUA01"), "x");
        assertThat(shown.authentic()).isTrue();
        assertThat(shown.gatewayReportsPaid()).isTrue();
        assertThat(shown.request()).map(PayableRequest::state).contains(State.OPEN);
        assertThat(ledger.confirmations).isEmpty();

        Map<String, String> forged = ipn("REF7", "2000000", "00", "00", "MOTCUA01");
        forged.put("vnp_ResponseCode", "24");
        assertThat(gateway.browserReturn(forged, "x").authentic()).isFalse();
    }

    @Test
    void incompleteSettingsStopTheStartNamingTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VnpayGateway(
                        new VnpayProperties(
                                "MOTCUA01",
                                null,
                                URI.create("https://g"),
                                null,
                                List.of(),
                                Duration.ofMinutes(1),
                                "vn",
                                "other"),
                        ledger,
                        callbacks,
                        Clock.systemUTC()))
                .hasMessageContaining("motcua.payments.vnpay.hash-secret");
        assertThat(new VnpayProperties("MOTCUA01", SECRET, null, null, List.of(), Duration.ofMinutes(1), "vn", "other")
                        .toString())
                .doesNotContain(SECRET);
    }

    /** A signed IPN as VNPAY sends it. */
    static Map<String, String> ipn(String reference, String amount, String responseCode, String status, String tmn) {
        Map<String, String> p = new TreeMap<>();
        p.put("vnp_Amount", amount);
        p.put("vnp_BankCode", "NCB");
        p.put("vnp_OrderInfo", "Nop phi");
        p.put("vnp_PayDate", "20261201090500");
        p.put("vnp_ResponseCode", responseCode);
        p.put("vnp_TmnCode", tmn);
        p.put("vnp_TransactionNo", "14000001");
        p.put("vnp_TransactionStatus", status);
        p.put("vnp_TxnRef", reference);
        p.put("vnp_SecureHash", VnpaySignature.sign(p, SECRET));
        return new LinkedHashMap<>(p);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> p = new HashMap<>();
        UriComponentsBuilder.fromUri(uri)
                .build()
                .getQueryParams()
                .forEach((name, values) ->
                        p.put(name, java.net.URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
        return p;
    }

    static final class FakeLedger implements PaymentLedger {
        final Map<String, PayableRequest> requests = new HashMap<>();
        final List<String> confirmations = new ArrayList<>();

        void open(String reference, long amount) {
            requests.put(
                    reference,
                    new PayableRequest(reference, "D-" + reference, amount, NOW.plusSeconds(3600), State.OPEN));
        }

        @Override
        public Optional<PayableRequest> find(String reference) {
            return Optional.ofNullable(requests.get(reference));
        }

        @Override
        public Confirmation confirm(String reference, long amount, String gateway, String transaction, Instant paidAt) {
            PayableRequest r = requests.get(reference);
            if (r == null) {
                return Confirmation.UNKNOWN_REFERENCE;
            }
            if (r.amount() != amount) {
                return Confirmation.AMOUNT_MISMATCH;
            }
            if (r.state() == State.PAID) {
                return Confirmation.ALREADY_CONFIRMED;
            }
            if (r.state() == State.CLOSED || paidAt.isAfter(r.expiresAt())) {
                return Confirmation.NO_LONGER_PAYABLE;
            }
            requests.put(reference, r.withState(State.PAID));
            confirmations.add(reference + " " + amount + " " + gateway + " " + transaction);
            return Confirmation.CONFIRMED;
        }
    }
}
