package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CalendarPropertiesTest {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void withoutSettingsTheDeskKeepsTheNationalHours() {
        contexts.run(context -> {
            CalendarProperties calendar = context.getBean(CalendarProperties.class);
            assertThat(calendar.workingHours())
                    .isEqualTo(new WorkingHours(LocalTime.of(7, 30), LocalTime.of(17, 0), LocalTime.of(15, 0)));
            assertThat(calendar.hasLocation()).isFalse();
        });
    }

    @Test
    void hoursAreWrittenAsHoursAndMinutes() {
        contexts.withPropertyValues(
                        "motcua.calendar.opens-at=08:00",
                        "motcua.calendar.closes-at=16:30",
                        "motcua.calendar.location=file:/srv/motcua/calendar")
                .run(context -> {
                    CalendarProperties calendar = context.getBean(CalendarProperties.class);
                    assertThat(calendar.opensAt()).isEqualTo(LocalTime.of(8, 0));
                    assertThat(calendar.closesAt()).isEqualTo(LocalTime.of(16, 30));
                    assertThat(calendar.hasLocation()).isTrue();
                });
    }

    @Test
    void aDeskThatClosesBeforeItOpensStopsTheStartNamingTheSetting() {
        contexts.withPropertyValues("motcua.calendar.opens-at=18:00")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("motcua.calendar")
                        .hasMessageContaining("opens-at must be before closes-at"));
    }

    @Test
    void aCutOffOutsideWorkingHoursStopsTheStart() {
        contexts.withPropertyValues("motcua.calendar.same-day-cut-off=18:00")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("same-day-cut-off must lie within working hours"));
    }

    @EnableConfigurationProperties(CalendarProperties.class)
    static class Settings {}
}
