package vn.motcua.app.gateway.vnpay;

import static vn.motcua.app.gateway.vnpay.VnpayParameters.*;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.app.gateway.CallbackVerdict;
import vn.motcua.app.gateway.GatewayCallback;
import vn.motcua.app.gateway.GatewayCallbacks;
import vn.motcua.app.gateway.NotificationResult;
import vn.motcua.app.gateway.PayableRequest;
import vn.motcua.app.gateway.PaymentGateway;
import vn.motcua.app.gateway.PaymentLedger;
import vn.motcua.app.gateway.PaymentStart;
import vn.motcua.app.gateway.ReturnOutcome;
import vn.motcua.text.VietnameseText;

/**
 * VNPAY, protocol 2.1.0. The IPN is the only thing that marks a payment paid, and only when the signature holds, the
 * terminal is ours, the reference is known and the amount is the request's; the ledger makes a repeat change
 * nothing. Not a Spring component: {@link VnpayConfiguration} makes it from the settings, the simulator from its own.
 */
public class VnpayGateway implements PaymentGateway {

    public static final String NAME = "vnpay";
    /** Where the citizen's browser comes back, unless {@code return-url} says otherwise. */
    public static final String RETURN_PAGE = "/thanh-toan/vnpay/ket-qua";

    private static final Logger log = LoggerFactory.getLogger(VnpayGateway.class);

    private final VnpayProperties merchant;
    private final PaymentLedger ledger;
    private final GatewayCallbacks callbacks;
    private final Clock clock;

    public VnpayGateway(VnpayProperties merchant, PaymentLedger ledger, GatewayCallbacks callbacks, Clock clock) {
        this.merchant = merchant.requireComplete();
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    public VnpayProperties merchant() {
        return merchant;
    }

    @Override
    public URI start(PaymentStart start) {
        PayableRequest request = start.request();
        Instant expires = start.now().plus(merchant.paymentWindow());
        if (request.expiresAt().isBefore(expires)) {
            expires = request.expiresAt();
        }
        Map<String, String> p = new TreeMap<>();
        p.put(VNP_VERSION, VERSION);
        p.put(VNP_COMMAND, "pay");
        p.put(VNP_TMN_CODE, merchant.tmnCode());
        p.put(VNP_AMOUNT, amount(request.amount()));
        p.put(VNP_CURR_CODE, "VND");
        p.put(VNP_TXN_REF, request.reference());
        // VNPAY asks for Vietnamese without diacritics and no special characters.
        p.put(
                VNP_ORDER_INFO,
                VietnameseText.fold("Nộp phí lệ phí hồ sơ " + request.dossierCode())
                        .replaceAll("[^A-Za-z0-9 .-]", " "));
        p.put(VNP_ORDER_TYPE, merchant.orderType());
        p.put(VNP_LOCALE, merchant.locale());
        p.put(VNP_RETURN_URL, returnUrl(start.applicationUrl()).toString());
        p.put(VNP_IP_ADDR, start.clientAddress());
        p.put(VNP_CREATE_DATE, date(start.now()));
        p.put(VNP_EXPIRE_DATE, date(expires));
        URI page = start.applicationUrl().resolve(merchant.paymentUrl());
        return URI.create(page + "?" + VnpaySignature.signedQuery(p, merchant.hashSecret()));
    }

    URI returnUrl(URI applicationUrl) {
        return merchant.returnUrl() != null ? merchant.returnUrl() : applicationUrl.resolve(RETURN_PAGE.substring(1));
    }

    @Override
    public NotificationResult notification(Map<String, String> parameters, String remoteAddress) {
        Map<String, String> vnp = vnpOnly(parameters);
        NotificationResult result;
        try {
            result = decide(vnp, remoteAddress);
        } catch (RuntimeException e) {
            log.error(
                    "VNPAY IPN for {} could not be applied; answered 99 so that VNPAY retries",
                    vnp.get(VNP_TXN_REF),
                    e);
            result = new NotificationResult(CallbackVerdict.ERROR, "99", "Unknown error");
        }
        if (result.verdict() != CallbackVerdict.CONFIRMED
                && result.verdict() != CallbackVerdict.ALREADY_CONFIRMED
                && result.verdict() != CallbackVerdict.FAILED_AT_GATEWAY) {
            log.warn(
                    "VNPAY IPN refused ({}) from {} for reference {}",
                    result.verdict(),
                    remoteAddress,
                    vnp.get(VNP_TXN_REF));
        }
        callbacks.record(
                callback(GatewayCallback.NOTIFICATION, vnp, result.verdict(), result.answerCode(), remoteAddress));
        return result;
    }

    private NotificationResult decide(Map<String, String> vnp, String remoteAddress) {
        if (!merchant.ipnAllowedAddresses().isEmpty()
                && !merchant.ipnAllowedAddresses().contains(remoteAddress)) {
            return new NotificationResult(CallbackVerdict.SOURCE_REFUSED, "99", "Source not allowed");
        }
        if (!VnpaySignature.verify(vnp, merchant.hashSecret())) {
            return new NotificationResult(CallbackVerdict.BAD_SIGNATURE, "97", "Invalid signature");
        }
        if (!merchant.tmnCode().equals(vnp.get(VNP_TMN_CODE))) {
            return new NotificationResult(CallbackVerdict.WRONG_MERCHANT, "99", "Invalid merchant");
        }
        String reference = vnp.get(VNP_TXN_REF);
        if (reference == null) {
            return new NotificationResult(CallbackVerdict.MALFORMED, "99", "Input data required");
        }
        Optional<PayableRequest> found = ledger.find(reference);
        if (found.isEmpty()) {
            return new NotificationResult(CallbackVerdict.UNKNOWN_REFERENCE, "01", "Order not found");
        }
        PayableRequest request = found.get();
        Optional<Long> amount = parseAmount(vnp.get(VNP_AMOUNT));
        if (amount.isEmpty() || amount.get() != request.amount()) {
            return new NotificationResult(CallbackVerdict.WRONG_AMOUNT, "04", "Invalid amount");
        }
        boolean paid = SUCCESS.equals(vnp.get(VNP_RESPONSE_CODE)) && SUCCESS.equals(vnp.get(VNP_TRANSACTION_STATUS));
        if (!paid) {
            return switch (request.state()) {
                case PAID -> alreadyConfirmed();
                case CLOSED -> noLongerPayable();
                // The attempt failed at the gateway: logged, nothing paid; the citizen may try again.
                case OPEN -> new NotificationResult(CallbackVerdict.FAILED_AT_GATEWAY, "00", "Confirm Success");
            };
        }
        String transaction = vnp.get(VNP_TRANSACTION_NO);
        if (transaction == null || transaction.isBlank()) {
            return new NotificationResult(CallbackVerdict.MALFORMED, "99", "Input data required");
        }
        Instant paidAt = parseDate(vnp.get(VNP_PAY_DATE)).orElseGet(clock::instant);
        return switch (ledger.confirm(reference, amount.get(), NAME, transaction, paidAt)) {
            case CONFIRMED -> new NotificationResult(CallbackVerdict.CONFIRMED, "00", "Confirm Success");
            case ALREADY_CONFIRMED -> alreadyConfirmed();
            case UNKNOWN_REFERENCE ->
                new NotificationResult(CallbackVerdict.UNKNOWN_REFERENCE, "01", "Order not found");
            case AMOUNT_MISMATCH -> new NotificationResult(CallbackVerdict.WRONG_AMOUNT, "04", "Invalid amount");
            case NO_LONGER_PAYABLE -> noLongerPayable();
        };
    }

    private static NotificationResult alreadyConfirmed() {
        return new NotificationResult(CallbackVerdict.ALREADY_CONFIRMED, "02", "Order already confirmed");
    }

    /** Not pending any more, in VNPAY's words "already confirmed": VNPAY stops retrying; the log shows the refund due. */
    private static NotificationResult noLongerPayable() {
        return new NotificationResult(CallbackVerdict.NO_LONGER_PAYABLE, "02", "Order already confirmed");
    }

    @Override
    public ReturnOutcome browserReturn(Map<String, String> parameters, String remoteAddress) {
        Map<String, String> vnp = vnpOnly(parameters);
        boolean authentic = VnpaySignature.verify(vnp, merchant.hashSecret())
                && merchant.tmnCode().equals(vnp.get(VNP_TMN_CODE));
        if (!authentic) {
            callbacks.record(callback(GatewayCallback.RETURN, vnp, CallbackVerdict.RETURN_FORGED, null, remoteAddress));
            return ReturnOutcome.forged();
        }
        callbacks.record(callback(GatewayCallback.RETURN, vnp, CallbackVerdict.RETURN_SHOWN, null, remoteAddress));
        String code = vnp.get(VNP_RESPONSE_CODE);
        boolean paid = SUCCESS.equals(code) && SUCCESS.equals(vnp.get(VNP_TRANSACTION_STATUS));
        String reference = vnp.get(VNP_TXN_REF);
        return new ReturnOutcome(true, paid, code, reference == null ? Optional.empty() : ledger.find(reference));
    }

    private GatewayCallback callback(
            String kind, Map<String, String> vnp, CallbackVerdict verdict, String answerCode, String remoteAddress) {
        StringJoiner logged = new StringJoiner("&");
        vnp.forEach((name, value) -> {
            if (!name.equals(VnpaySignature.SECURE_HASH) && !name.equals(VnpaySignature.SECURE_HASH_TYPE)) {
                logged.add(VnpaySignature.encode(name) + "=" + VnpaySignature.encode(value));
            }
        });
        return new GatewayCallback(
                clock.instant(),
                NAME,
                kind,
                vnp.get(VNP_TXN_REF),
                parseAmount(vnp.get(VNP_AMOUNT)).orElse(null),
                vnp.get(VNP_TRANSACTION_NO),
                vnp.get(VNP_RESPONSE_CODE),
                verdict,
                answerCode,
                remoteAddress,
                logged.toString());
    }

    /** The {@code vnp_*} parameters, in the order received; anything else is not VNPAY's and not signed. */
    private static Map<String, String> vnpOnly(Map<String, String> parameters) {
        Map<String, String> vnp = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("vnp_") && value != null) {
                vnp.put(name, value);
            }
        });
        return vnp;
    }
}
