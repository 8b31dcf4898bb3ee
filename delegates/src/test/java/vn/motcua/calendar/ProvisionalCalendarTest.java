package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.engine.EngineClock;

/** The shipped 2026 file cites Thông báo 9441/TB-BNV for Tết; the provisional 2027 file names the days it lacks. */
class ProvisionalCalendarTest {

    private static final List<CalendarYear> YEARS = shipped(2026, 2027);
    private static final WorkingCalendar CALENDAR =
            new WorkingCalendar(YEARS, WorkingHours.DEFAULT, EngineClock.VIETNAM);

    @Test
    void tetBinhNgoCitesThongBao9441OfTheMinistryOfHomeAffairs() {
        for (int day = 16; day <= 20; day++) {
            assertThat(CALENDAR.dayOff(LocalDate.of(2026, 2, day)).orElseThrow().source())
                    .contains("9441/TB-BNV ngày 16/10/2025");
        }
        assertThat(YEARS.get(0).provisional()).isFalse();
        assertThat(CalendarConfiguration.provisionalWarning(CALENDAR, YEARS.get(0)))
                .isEmpty();
    }

    @Test
    void quocKhanh2026IsOffFromMonday31AugustMadeUpOnSaturday22AugustWithItsSourceFlagged() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 8, 31))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 1))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
        assertThat(YEARS.get(0).unconfirmed())
                .anySatisfy(note -> assertThat(note).contains("VPCP-QK-2026"));
    }

    @Test
    void theStartUpWarningNamesEveryUndecidedDayOf2027ThatIsCountedAsAWorkingDay() {
        CalendarYear y2027 = YEARS.get(1);
        assertThat(y2027.provisional()).isTrue();

        String warning =
                CalendarConfiguration.provisionalWarning(CALENDAR, y2027).orElseThrow();

        assertThat(warning)
                .contains("Calendar 2027 is provisional")
                .contains("Tết Âm lịch Đinh Mùi")
                .contains("2027-02-01, 2027-02-02, 2027-02-03, 2027-02-04, 2027-02-05, "
                        + "2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11, 2027-02-12;")
                .contains("Giỗ Tổ Hùng Vương")
                .contains("2027-04-15, 2027-04-16;")
                // 02/9 is already a holiday in the file: only the candidate adjacent days are named.
                .contains("Quốc khánh 2027 (thứ Tư 01/9 hoặc thứ Sáu 03/9): 2027-09-01, 2027-09-03;")
                .doesNotContain("2027-02-06")
                .doesNotContain("2027-09-02");
    }

    @Test
    void aPendingWindowOutsideTheYearOrBackwardsIsRefusedNamingTheFile() {
        String yaml = """
                year: 2027
                sources: {}
                daysOff: []
                pending:
                  - { name: "Tết", from: 2027-02-12, to: 2027-02-01 }
                  - { name: "Tết năm sau", from: 2028-01-25, to: 2028-01-31 }
                """;
        assertThatThrownBy(() -> CalendarFileReader.read(
                        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "tinh/2027.yaml"))
                .isInstanceOf(CalendarDefinitionException.class)
                .hasMessageContaining("tinh/2027.yaml")
                .hasMessageContaining("pending Tết: 'to' is before 'from'")
                .hasMessageContaining("pending Tết năm sau: not in 2027");
    }

    private static List<CalendarYear> shipped(int... years) {
        List<CalendarYear> read = new ArrayList<>();
        for (int year : years) {
            try (InputStream in = ProvisionalCalendarTest.class.getResourceAsStream("/calendar/" + year + ".yaml")) {
                read.add(CalendarFileReader.read(in, year + ".yaml"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return read;
    }
}
