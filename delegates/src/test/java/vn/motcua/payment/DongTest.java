package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Amounts as the receipt prints them, in figures and in words. The words are the usual reading on Vietnamese
 * receipts and invoices: the fee schedules' own amounts (2.000, 5.000, 100.000, 200.000 đ) and the cases where
 * a reading goes wrong when done naively (mười/mươi, mốt, tư, lăm, linh, không trăm, empty groups, tỷ).
 */
class DongTest {

    @ParameterizedTest(name = "{0} đ = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0|Không đồng",
                "1|Một đồng",
                "10|Mười đồng",
                "11|Mười một đồng",
                "14|Mười bốn đồng",
                "15|Mười lăm đồng",
                "20|Hai mươi đồng",
                "21|Hai mươi mốt đồng",
                "24|Hai mươi tư đồng",
                "25|Hai mươi lăm đồng",
                "105|Một trăm linh năm đồng",
                "110|Một trăm mười đồng",
                "2000|Hai nghìn đồng",
                "5000|Năm nghìn đồng",
                "15000|Mười lăm nghìn đồng",
                "21500|Hai mươi mốt nghìn năm trăm đồng",
                "45000|Bốn mươi lăm nghìn đồng",
                "50000|Năm mươi nghìn đồng",
                "10010|Mười nghìn không trăm mười đồng",
                "100000|Một trăm nghìn đồng",
                "105000|Một trăm linh năm nghìn đồng",
                "200000|Hai trăm nghìn đồng",
                "1000000|Một triệu đồng",
                "1005000|Một triệu không trăm linh năm nghìn đồng",
                "1234000|Một triệu hai trăm ba mươi tư nghìn đồng",
                "2000001|Hai triệu không trăm linh một đồng",
                "1000000000|Một tỷ đồng",
                "1000005000|Một tỷ không trăm linh năm nghìn đồng",
                "1250000000000|Một nghìn hai trăm năm mươi tỷ đồng",
            })
    void amountsInWords(long amount, String words) {
        assertThat(Dong.words(amount)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} đ = {1}")
    @CsvSource(
            delimiter = '|',
            value = {"0|0 đ", "500|500 đ", "2000|2.000 đ", "50000|50.000 đ", "1234000|1.234.000 đ"})
    void amountsInFigures(long amount, String text) {
        assertThat(Dong.format(amount)).isEqualTo(text);
    }

    @Test
    void aNegativeAmountHasNoWords() {
        assertThatThrownBy(() -> Dong.words(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
