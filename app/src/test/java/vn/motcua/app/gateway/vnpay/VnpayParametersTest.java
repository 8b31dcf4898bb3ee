package vn.motcua.app.gateway.vnpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VnpayParametersTest {

    @Test
    void amountsAreDongTimesAHundred() {
        assertThat(VnpayParameters.amount(10_000)).isEqualTo("1000000");
        assertThat(VnpayParameters.parseAmount("1000000")).contains(10_000L);
        assertThat(VnpayParameters.parseAmount("1000050")).isEmpty();
        assertThat(VnpayParameters.parseAmount("-100")).isEmpty();
        assertThat(VnpayParameters.parseAmount("1e5")).isEmpty();
        assertThat(VnpayParameters.parseAmount(null)).isEmpty();
        assertThat(VnpayParameters.parseAmount("123456789012345678")).isEmpty();
        assertThatThrownBy(() -> VnpayParameters.amount(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void datesAreVietnamTimeGmtPlus7() {
        Instant utc = Instant.parse("2026-12-01T23:30:05Z");
        assertThat(VnpayParameters.date(utc)).isEqualTo("20261202063005");
        assertThat(VnpayParameters.parseDate("20261202063005")).contains(utc);
        assertThat(VnpayParameters.parseDate("20261302063005")).isEmpty();
        assertThat(VnpayParameters.parseDate("2026120206300")).isEmpty();
    }
}
