package vn.motcua.app.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats fmt = new Formats();

    @Test
    void moneyHasDotsBetweenThousandsAndANoBreakSpaceBeforeDong() {
        assertThat(fmt.money(1_234_000)).isEqualTo("1.234.000\u00a0đ");
        assertThat(fmt.money(0)).isEqualTo("0\u00a0đ");
        assertThat(fmt.money(200)).isEqualTo("200\u00a0đ");
        assertThat(fmt.money(1000)).isEqualTo("1.000\u00a0đ");
        assertThat(fmt.money(-50_000L)).isEqualTo("-50.000\u00a0đ");
        assertThat(fmt.money(null)).isEmpty();
    }

    @Test
    void datesAreDayMonthYearInVietnamsTime() {
        // 17:30 UTC on 4 March is 00:30 on 5 March in Vietnam
        Instant lateEvening = Instant.parse("2026-03-04T17:30:00Z");
        assertThat(fmt.date(lateEvening)).isEqualTo("05/03/2026");
        assertThat(fmt.dateTime(lateEvening)).isEqualTo("05/03/2026 00:30");
        assertThat(fmt.dateTime(OffsetDateTime.parse("2026-12-31T16:45:00+07:00")))
                .isEqualTo("31/12/2026 16:45");
        assertThat(fmt.date(LocalDate.of(2027, 1, 2))).isEqualTo("02/01/2027");
        assertThat(fmt.date(null)).isEmpty();
    }
}
