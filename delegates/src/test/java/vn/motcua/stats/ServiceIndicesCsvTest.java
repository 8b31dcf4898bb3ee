package vn.motcua.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV export of the Quyết định 766/QĐ-TTg indices: a header, one line per row, cells quoted where needed. */
class ServiceIndicesCsvTest {

    @Test
    void theCsvStartsWithAByteOrderMarkAndAHeaderAndQuotesNamesWithCommas() {
        String csv = ServiceIndices.csv(List.of(
                new ServiceIndices.Row(
                        "000.00.99.H99",
                        "UBND xã A, tỉnh Mẫu",
                        "2026-03",
                        4,
                        3,
                        0.75,
                        4,
                        1.0,
                        2,
                        1,
                        1,
                        0.5,
                        1,
                        0.5,
                        4,
                        1,
                        0.25),
                new ServiceIndices.Row(
                        "000.00.98.H99",
                        "=Xã \"B\"",
                        "2026-03",
                        0,
                        0,
                        null,
                        0,
                        null,
                        0,
                        0,
                        0,
                        null,
                        0,
                        null,
                        0,
                        0,
                        null)));

        String[] lines = csv.split("\r\n");
        assertThat(lines[0])
                .isEqualTo("\uFEFFagencyCode,agencyName,month,received,receivedOnline,onlineRate,digitised,"
                        + "digitisedRate,finished,onTime,late,onTimeRate,resultsDigitised,resultsDigitisedRate,paid,paidOnline,"
                        + "onlinePaymentRate");
        assertThat(lines[1])
                .isEqualTo(
                        "000.00.99.H99,\"UBND xã A, tỉnh Mẫu\",2026-03,4,3,0.7500,4,1.0000,2,1,1,0.5000,1,0.5000,4,1,0.2500");
        // No rate without a denominator; a name that looks like a formula is defused.
        assertThat(lines[2]).isEqualTo("000.00.98.H99,\"'=Xã \"\"B\"\"\",2026-03,0,0,,0,,0,0,0,,0,,0,0,");
        assertThat(lines).hasSize(3);
    }
}
