package vn.motcua.app.gateway.vnpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** VNPAY 2.1.0's signed string and HMAC-SHA512, against the specification's example and an independent computation. */
class VnpaySignatureTest {

    /**
     * The query of the example payment URL in VNPAY's integration guide (version 2.1.0), without its
     * {@code vnp_SecureHash}: by the specification it is exactly the signed string of its own parameters.
     */
    static final String SPEC_EXAMPLE_QUERY = "vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333"
            + "&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5"
            + "&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210"
            + "&vnp_TxnRef=5&vnp_Version=2.1.0";

    private static final String SECRET = "TESTSECRETTESTSECRETTESTSECRET12";

    @Test
    void theSignedStringOfTheSpecificationsExampleIsItsQuery() {
        // The example's parameters, decoded and in another order than the sorted one.
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("vnp_Version", "2.1.0");
        parameters.put("vnp_TxnRef", "5");
        parameters.put("vnp_TmnCode", "DEMOV210");
        parameters.put("vnp_ReturnUrl", "https://domainmerchant.vn/ReturnUrl");
        parameters.put("vnp_OrderType", "other");
        parameters.put("vnp_OrderInfo", "Thanh toan don hang :5");
        parameters.put("vnp_Locale", "vn");
        parameters.put("vnp_IpAddr", "127.0.0.1");
        parameters.put("vnp_CurrCode", "VND");
        parameters.put("vnp_CreateDate", "20210801153333");
        parameters.put("vnp_Command", "pay");
        parameters.put("vnp_Amount", "1806000");

        assertThat(VnpaySignature.canonical(parameters)).isEqualTo(SPEC_EXAMPLE_QUERY);
        // and decoding the example gives back the parameters
        for (String pair : SPEC_EXAMPLE_QUERY.split("&")) {
            String[] nameValue = pair.split("=", 2);
            assertThat(URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8)).isEqualTo(parameters.get(nameValue[0]));
        }
    }

    @Test
    void theSignatureIsHmacSha512OfTheSignedStringWithTheSecret() throws Exception {
        Map<String, String> parameters = Map.of(
                "vnp_TxnRef", "ABC123",
                "vnp_Amount", "2000000",
                "vnp_OrderInfo", "Nop phi ho so 000.00.99.H99-260101-0001",
                "vnp_TmnCode", "GIALAP01");
        // Written by hand: sorted by name, form-encoded (space as +).
        String handWritten = "vnp_Amount=2000000&vnp_OrderInfo=Nop+phi+ho+so+000.00.99.H99-260101-0001"
                + "&vnp_TmnCode=GIALAP01&vnp_TxnRef=ABC123";
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        String expected = HexFormat.of().formatHex(mac.doFinal(handWritten.getBytes(StandardCharsets.UTF_8)));

        assertThat(VnpaySignature.canonical(parameters)).isEqualTo(handWritten);
        assertThat(VnpaySignature.sign(parameters, SECRET)).isEqualTo(expected).hasSize(128);
        assertThat(VnpaySignature.signedQuery(parameters, SECRET))
                .isEqualTo(handWritten + "&vnp_SecureHash=" + expected);
    }

    @Test
    void emptyValuesAndTheSignatureFieldsAreNotSigned() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("vnp_TxnRef", "X");
        parameters.put("vnp_BankCode", "");
        parameters.put("vnp_SecureHashType", "HmacSHA512");
        parameters.put("vnp_SecureHash", "00");
        assertThat(VnpaySignature.canonical(parameters)).isEqualTo("vnp_TxnRef=X");
    }

    @Test
    void verifyAcceptsTheRightSignatureInEitherCaseAndRefusesAnyChange() {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("vnp_TxnRef", "REF", "vnp_Amount", "100000"));
        String signature = VnpaySignature.sign(parameters, SECRET);

        parameters.put("vnp_SecureHash", signature);
        assertThat(VnpaySignature.verify(parameters, SECRET)).isTrue();
        parameters.put("vnp_SecureHash", signature.toUpperCase());
        assertThat(VnpaySignature.verify(parameters, SECRET)).isTrue();

        assertThat(VnpaySignature.verify(parameters, "another secret")).isFalse();
        parameters.put("vnp_Amount", "100100");
        assertThat(VnpaySignature.verify(parameters, SECRET)).isFalse();
        parameters.put("vnp_Amount", "100000");
        parameters.put("vnp_Extra", "added");
        assertThat(VnpaySignature.verify(parameters, SECRET)).isFalse();
        parameters.remove("vnp_Extra");
        parameters.remove("vnp_SecureHash");
        assertThat(VnpaySignature.verify(parameters, SECRET)).isFalse();
        parameters.put("vnp_SecureHash", "");
        assertThat(VnpaySignature.verify(parameters, SECRET)).isFalse();
    }

    @Test
    void vietnameseTextIsSignedAsUtf8FormEncoding() {
        assertThat(VnpaySignature.canonical(Map.of("vnp_OrderInfo", "Đồng ý & tiếp")))
                .isEqualTo("vnp_OrderInfo=%C4%90%E1%BB%93ng+%C3%BD+%26+ti%E1%BA%BFp");
    }
}
