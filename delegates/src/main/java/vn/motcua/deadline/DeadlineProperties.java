package vn.motcua.deadline;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deadline clock's settings ({@code motcua.deadlines.*}, docs/deadlines.md).
 *
 * @param warningWorkingDays        the handling clerk is warned this many working days before the due moment
 * @param reappointmentWorkingDays  the apology letter's new appointment lies this many working days after the due
 *                                  moment, unless the BPMN gives its own
 */
@ConfigurationProperties("motcua.deadlines")
@Validated
public record DeadlineProperties(
        @Positive @DefaultValue("1") int warningWorkingDays,
        @Positive @DefaultValue("2") int reappointmentWorkingDays) {}
