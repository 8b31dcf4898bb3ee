package vn.motcua.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OutboxPropertiesTest {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void aChangeIsLookedForFourTimesASecondAndRetriedFromFiveSecondsUpToAnHour() {
        contexts.run(context -> assertThat(context.getBean(OutboxProperties.class))
                .isEqualTo(new OutboxProperties(Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofHours(1))));
    }

    @Test
    void aFirstRetryLongerThanTheLongestStopsTheStart() {
        contexts.withPropertyValues("motcua.outbox.first-retry=PT2H")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("motcua.outbox")
                        .hasMessageContaining("first-retry must not be longer than max-retry"));
    }

    @Test
    void aPollIntervalOfZeroStopsTheStart() {
        contexts.withPropertyValues("motcua.outbox.poll-interval=0s")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("must be longer than zero"));
    }

    @EnableConfigurationProperties(OutboxProperties.class)
    static class Settings {}
}
