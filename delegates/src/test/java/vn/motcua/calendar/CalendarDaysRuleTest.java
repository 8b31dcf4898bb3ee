package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.motcua.engine.EngineClock;

/**
 * Time limits in days ("10 ngày": Bộ luật Dân sự 2015, Điều 147-148) and extensions, on the shipped 2025 and 2026
 * calendars; every worked example of docs/deadlines.md "A time limit in days" is here.
 */
class CalendarDaysRuleTest {

    private final DueDateRule rule = new DueDateRule(DueDateRuleTest.CALENDAR);

    @Test
    void tenDaysEndTenDaysLaterAtTheSameTimeOfDayWhenThatIsAWorkingDay() {
        assertThat(due("2026-03-10T09:00", 10, TimeLimitKind.CALENDAR)).isEqualTo("2026-03-20T09:00");
        // The same limit in working days runs four days longer.
        assertThat(due("2026-03-10T09:00", 10, TimeLimitKind.WORKING)).isEqualTo("2026-03-24T09:00");
    }

    @Test
    void aPeriodEndingOnASundayRunsToTheCloseOfMonday() {
        assertThat(due("2026-03-05T10:00", 10, TimeLimitKind.CALENDAR)).isEqualTo("2026-03-16T17:00");
    }

    @Test
    void aPeriodEndingInTetRunsToTheCloseOfTheFirstWorkingDayAfterTet() {
        assertThat(due("2026-02-06T10:00", 10, TimeLimitKind.CALENDAR)).isEqualTo("2026-02-23T17:00");
    }

    @Test
    void aPeriodEndingOnTheSwappedFridayRunsToTheCloseOfMondayAndOneEndingOnTheMakeUpSaturdayStaysThere() {
        assertThat(due("2025-12-31T10:00", 2, TimeLimitKind.CALENDAR)).isEqualTo("2026-01-05T17:00");
        assertThat(due("2025-12-31T10:00", 10, TimeLimitKind.CALENDAR)).isEqualTo("2026-01-10T10:00");
    }

    @Test
    void aDossierReceivedAfterHoursCountsFromTheNextOpeningAsInWorkingDays() {
        // Counting starts Wed 11/03 07:30; ten days on is Sat 21/03, a day off.
        assertThat(due("2026-03-10T17:30", 10, TimeLimitKind.CALENDAR)).isEqualTo("2026-03-23T17:00");
    }

    @Test
    void zeroDaysIsTheSameDayRuleWhateverTheKind() {
        assertThat(due("2026-03-10T16:30", 0, TimeLimitKind.CALENDAR)).isEqualTo("2026-03-11T17:00");
        assertThat(due("2026-03-10T14:59", 0, TimeLimitKind.CALENDAR)).isEqualTo("2026-03-10T17:00");
    }

    @Test
    void aPauseMovesAPeriodInDaysByTheTimeItLastedAndTheEndStaysInsideWorkingHours() {
        Instant received = at("2026-03-10T09:00");
        Duration paused = rule.pausedTime(at("2026-03-11T10:00"), at("2026-03-13T16:00"), TimeLimitKind.CALENDAR);
        assertThat(paused).isEqualTo(Duration.ofHours(54));
        // 20/03 09:00 + 54 h = Sun 22/03 15:00: a day off.
        assertThat(local(rule.due(received, 10, TimeLimitKind.CALENDAR, 0, paused)))
                .isEqualTo("2026-03-23T17:00");
        // 20/03 09:00 + 9 h = Fri 20/03 18:00: after closing, so the close of that day.
        assertThat(local(rule.due(received, 10, TimeLimitKind.CALENDAR, 0, Duration.ofHours(9))))
                .isEqualTo("2026-03-20T17:00");
        // In working days the pause counts working time only, as before.
        assertThat(rule.pausedTime(at("2026-03-11T10:00"), at("2026-03-13T16:00"), TimeLimitKind.WORKING))
                .isEqualTo(Duration.ofMinutes(7 * 60 + 9 * 60 + 30 + 8 * 60 + 30));
    }

    @Test
    void anExtensionAddsWorkingDaysAtTheSameTimeOfDay() {
        // Certifying many copies, same-day procedure received Tue 14:00: due Tue 17:00, extended by 2 working days.
        assertThat(local(rule.due(at("2026-03-10T14:00"), 0, TimeLimitKind.WORKING, 2, Duration.ZERO)))
                .isEqualTo("2026-03-12T17:00");
        // Received the Friday before Tết: the two working days are after Tết.
        assertThat(local(rule.due(at("2026-02-13T10:00"), 0, TimeLimitKind.WORKING, 2, Duration.ZERO)))
                .isEqualTo("2026-02-24T17:00");
        assertThatThrownBy(() -> rule.due(at("2026-03-10T14:00"), 0, TimeLimitKind.WORKING, -1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String due(String received, int days, TimeLimitKind kind) {
        return local(rule.due(at(received), days, kind));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(EngineClock.VIETNAM).toInstant();
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, EngineClock.VIETNAM).toString();
    }
}
