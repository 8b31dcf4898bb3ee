package vn.motcua.calendar;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The working-day calendar's settings ({@code motcua.calendar.*}, docs/deadlines.md).
 *
 * @param location      a folder whose {@code <year>.yaml} files replace the national ones shipped in the application,
 *                      e.g. {@code file:/srv/motcua/calendar}; unset: the national files only
 * @param opensAt       start of working hours
 * @param closesAt      end of working hours
 * @param sameDayCutOff a same-day procedure received at or after this time is due at the close of the next working day
 */
@ConfigurationProperties("motcua.calendar")
@Validated
public record CalendarProperties(
        String location,
        @NotNull @DefaultValue("07:30") LocalTime opensAt,
        @NotNull @DefaultValue("17:00") LocalTime closesAt,
        @NotNull @DefaultValue("15:00") LocalTime sameDayCutOff) {

    @AssertTrue(message = "opens-at must be before closes-at")
    public boolean isOpenBeforeClose() {
        return opensAt == null || closesAt == null || opensAt.isBefore(closesAt);
    }

    @AssertTrue(message = "same-day-cut-off must lie within working hours (opens-at to closes-at)")
    public boolean isCutOffWithinWorkingHours() {
        return opensAt == null
                || closesAt == null
                || sameDayCutOff == null
                || (!sameDayCutOff.isBefore(opensAt) && !sameDayCutOff.isAfter(closesAt));
    }

    public WorkingHours workingHours() {
        return new WorkingHours(opensAt, closesAt, sameDayCutOff);
    }

    boolean hasLocation() {
        return location != null && !location.isBlank();
    }
}
