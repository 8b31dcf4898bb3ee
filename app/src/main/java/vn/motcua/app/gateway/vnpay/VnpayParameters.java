package vn.motcua.app.gateway.vnpay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import vn.motcua.engine.EngineClock;

/** The names and formats of VNPAY 2.1.0's parameters. */
public final class VnpayParameters {

    public static final String VERSION = "2.1.0";
    public static final String VNP_VERSION = "vnp_Version";
    public static final String VNP_COMMAND = "vnp_Command";
    public static final String VNP_TMN_CODE = "vnp_TmnCode";
    public static final String VNP_AMOUNT = "vnp_Amount";
    public static final String VNP_CURR_CODE = "vnp_CurrCode";
    public static final String VNP_TXN_REF = "vnp_TxnRef";
    public static final String VNP_ORDER_INFO = "vnp_OrderInfo";
    public static final String VNP_ORDER_TYPE = "vnp_OrderType";
    public static final String VNP_LOCALE = "vnp_Locale";
    public static final String VNP_RETURN_URL = "vnp_ReturnUrl";
    public static final String VNP_IP_ADDR = "vnp_IpAddr";
    public static final String VNP_CREATE_DATE = "vnp_CreateDate";
    public static final String VNP_EXPIRE_DATE = "vnp_ExpireDate";
    public static final String VNP_RESPONSE_CODE = "vnp_ResponseCode";
    public static final String VNP_TRANSACTION_STATUS = "vnp_TransactionStatus";
    public static final String VNP_TRANSACTION_NO = "vnp_TransactionNo";
    public static final String VNP_BANK_CODE = "vnp_BankCode";
    public static final String VNP_BANK_TRAN_NO = "vnp_BankTranNo";
    public static final String VNP_CARD_TYPE = "vnp_CardType";
    public static final String VNP_PAY_DATE = "vnp_PayDate";

    /** Response code and transaction status of a successful payment. */
    public static final String SUCCESS = "00";
    /** Response code: the customer cancelled. */
    public static final String CANCELLED = "24";
    /** Response code: the payment window expired. */
    public static final String EXPIRED = "11";

    /** VNPAY's dates: {@code yyyyMMddHHmmss} in Vietnam's time (GMT+7). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private VnpayParameters() {}

    public static String date(Instant instant) {
        return DATE.format(instant.atZone(EngineClock.VIETNAM));
    }

    public static Optional<Instant> parseDate(String text) {
        if (text == null || !text.matches("[0-9]{14}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDateTime.parse(text, DATE).atZone(EngineClock.VIETNAM).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** đồng → VNPAY's amount (× 100, no decimal separator). */
    public static String amount(long dong) {
        return Long.toString(Math.multiplyExact(dong, 100L));
    }

    /** VNPAY's amount → whole đồng; empty when it is not a whole number of đồng in VNPAY's format. */
    public static Optional<Long> parseAmount(String text) {
        if (text == null || !text.matches("[0-9]{1,17}")) {
            return Optional.empty();
        }
        long hundredths = Long.parseLong(text);
        return hundredths % 100 == 0 ? Optional.of(hundredths / 100) : Optional.empty();
    }
}
