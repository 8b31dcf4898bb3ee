package vn.motcua.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DeadlinePropertiesTest {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theClerkIsWarnedOneWorkingDayAheadAndTheCitizenGivenTwoMore() {
        contexts.run(context ->
                assertThat(context.getBean(DeadlineProperties.class)).isEqualTo(new DeadlineProperties(1, 2)));
    }

    @Test
    void aWarningAtTheDueMomentIsNoWarningAndStopsTheStart() {
        contexts.withPropertyValues("motcua.deadlines.warning-working-days=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("motcua.deadlines.warning-working-days"));
    }

    @EnableConfigurationProperties(DeadlineProperties.class)
    static class Settings {}
}
