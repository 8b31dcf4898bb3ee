package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.engine.EngineClock;

/** The due-date rule of docs/deadlines.md on the shipped 2025 and 2026 calendars; every example of the doc is here. */
class DueDateRuleTest {

    static final WorkingCalendar CALENDAR = shippedCalendar();
    private final DueDateRule rule = new DueDateRule(CALENDAR);

    static WorkingCalendar shippedCalendar() {
        List<CalendarYear> years = new ArrayList<>();
        for (int year : new int[] {2025, 2026}) {
            try (InputStream in = DueDateRuleTest.class.getResourceAsStream("/calendar/" + year + ".yaml")) {
                years.add(CalendarFileReader.read(in, year + ".yaml"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new WorkingCalendar(years, WorkingHours.DEFAULT, EngineClock.VIETNAM);
    }

    @Test
    void theShippedFilesKnowTetSwapsAndCompensatoryDays() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 17)))
                .as("mùng 1 Tết Bính Ngọ")
                .isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 1, 2)))
                .as("swapped Friday")
                .isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 1, 10)))
                .as("Saturday worked instead")
                .isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 4, 27)))
                .as("compensatory day for Hùng Kings")
                .isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 4, 26)))
                .as("Saturday worked for 2/5/2025")
                .isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 24)))
                .as("unconfirmed, not a day off")
                .isTrue();
        assertThat(CALENDAR.dayOff(LocalDate.of(2026, 1, 2)).orElseThrow().source())
                .contains("12729/VPCP-KGVX");
    }

    @Test
    void aTimeLimitAcrossTetSkipsTheWholeHoliday() {
        // Friday 13/02/2026 10:00, 3 working days: 16–20/02 are Tết, so Mon 23, Tue 24, Wed 25.
        assertThat(due("2026-02-13T10:00", 3)).isEqualTo("2026-02-25T10:00");
    }

    @Test
    void aSwappedFridayIsOffAndItsSaturdayCounts() {
        // Wednesday 31/12/2025: 01/01 holiday, 02/01 swapped off, weekend, then Mon 05 and Tue 06.
        assertThat(due("2025-12-31T10:00", 2)).isEqualTo("2026-01-06T10:00");
        // Thursday 08/01/2026: Friday 09, then Saturday 10/01 is a working day.
        assertThat(due("2026-01-08T09:00", 2)).isEqualTo("2026-01-10T09:00");
    }

    @Test
    void receivedAt1630CountsFromThatMomentAndASameDayProcedureIsDueTheNextDay() {
        assertThat(due("2026-03-10T16:30", 3)).isEqualTo("2026-03-13T16:30");
        assertThat(due("2026-03-10T16:30", 0)).isEqualTo("2026-03-11T17:00");
        assertThat(due("2026-03-10T14:59", 0)).isEqualTo("2026-03-10T17:00");
        assertThat(due("2026-03-10T15:00", 0)).isEqualTo("2026-03-11T17:00");
    }

    @Test
    void receivedAfterHoursOrOnANonWorkingDayCountsFromTheNextOpening() {
        assertThat(due("2026-03-10T17:30", 3)).isEqualTo("2026-03-16T07:30");
        assertThat(due("2026-03-14T09:00", 1)).as("a Saturday").isEqualTo("2026-03-17T07:30");
        assertThat(due("2026-03-10T06:45", 1)).as("before opening").isEqualTo("2026-03-11T07:30");
        assertThat(due("2026-02-15T10:00", 0)).as("Tết Sunday, same-day").isEqualTo("2026-02-23T17:00");
    }

    @Test
    void aPauseMovesTheDueMomentByItsWorkingTime() {
        // Paused Mon 09/03 14:00 to Wed 11/03 09:00: 3 h Monday + 9.5 h Tuesday + 1.5 h Wednesday = 14 h.
        Duration paused = CALENDAR.workingTimeBetween(at("2026-03-09T14:00"), at("2026-03-11T09:00"));
        assertThat(paused).isEqualTo(Duration.ofHours(14));
        // Due Fri 13/03 16:30 + 14 h: 0.5 h Friday, 9.5 h Monday, 4 h Tuesday → Tue 17/03 11:30.
        assertThat(local(rule.extend(at("2026-03-13T16:30"), paused))).isEqualTo("2026-03-17T11:30");
        assertThat(rule.extend(at("2026-03-13T16:30"), Duration.ZERO)).isEqualTo(at("2026-03-13T16:30"));
    }

    @Test
    void theWarningComesOneWorkingDayBeforeOrHalfwayForShortLimits() {
        assertThat(local(rule.warning(at("2026-02-13T10:00"), at("2026-02-25T10:00"), 1)))
                .isEqualTo("2026-02-24T10:00");
        // Same-day: received 08:00, due 17:00; halfway through the 9 working hours is 12:30.
        assertThat(local(rule.warning(at("2026-03-10T08:00"), at("2026-03-10T17:00"), 1)))
                .isEqualTo("2026-03-10T12:30");
    }

    @Test
    void aYearWithoutDataIsAnErrorNotAWeekendOnlyCount() {
        assertThatThrownBy(() -> due("2030-01-07T09:00", 1))
                .isInstanceOf(CalendarDataMissingException.class)
                .hasMessageContaining("2030");
        assertThatThrownBy(() -> due("2026-12-28T09:00", 10))
                .isInstanceOf(CalendarDataMissingException.class)
                .hasMessageContaining("2027");
        assertThatThrownBy(() -> CalendarConfiguration.check(CALENDAR, LocalDate.of(2027, 1, 2)))
                .isInstanceOf(CalendarDataMissingException.class);
    }

    @Test
    void aCalendarFileMustCiteItsSourcesAndMakeSense() {
        String yaml = """
                year: 2026
                sources: { A: "Văn bản A" }
                daysOff:
                  - { date: 2026-01-03, kind: HOLIDAY, name: "Thứ Bảy", source: A }
                  - { date: 2026-01-05, kind: HOLIDAY, name: "Không nguồn" }
                  - { date: 2026-01-06, kind: SWAPPED, name: "Hoán đổi", madeUpOn: 2026-01-07, source: B }
                """;
        assertThatThrownBy(() -> CalendarFileReader.read(
                        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "x.yaml"))
                .isInstanceOf(CalendarDefinitionException.class)
                .hasMessageContaining("entry 2026-01-03 (Thứ Bảy): falls on a weekend day")
                .hasMessageContaining("entry 2026-01-05 (Không nguồn): source is required")
                .hasMessageContaining("source 'B' is not listed under sources")
                .hasMessageContaining("madeUpOn 2026-01-07 is not a weekend day");
    }

    @Test
    void theFingerprintChangesWithTheData() {
        CalendarYear y2026 = CALENDAR.years().stream()
                .filter(y -> y.year() == 2026)
                .findFirst()
                .orElseThrow();
        List<DayOff> more = new ArrayList<>(y2026.daysOff());
        more.add(new DayOff(LocalDate.of(2026, 11, 24), DayOff.Kind.HOLIDAY, "Ngày Văn hóa Việt Nam", null, "test"));
        WorkingCalendar changed = new WorkingCalendar(
                List.of(new CalendarYear(2026, y2026.weekend(), more, List.of(), "test")),
                WorkingHours.DEFAULT,
                EngineClock.VIETNAM);
        assertThat(changed.fingerprint()).isNotEqualTo(CALENDAR.fingerprint());
        assertThat(shippedCalendar().fingerprint()).isEqualTo(CALENDAR.fingerprint());
    }

    private String due(String receivedLocal, int workingDays) {
        return local(rule.due(at(receivedLocal), workingDays));
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(EngineClock.VIETNAM).toInstant();
    }

    static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, EngineClock.VIETNAM).toString();
    }
}
