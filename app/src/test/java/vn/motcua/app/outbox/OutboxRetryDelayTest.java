package vn.motcua.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox's back-off, as a plain function: no worker, no database. */
class OutboxRetryDelayTest {

    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theDelayDoublesWithEachFailedAttempt() {
        assertThat(OutboxWorker.backOff(FIRST, HOUR, 0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(OutboxWorker.backOff(FIRST, HOUR, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(OutboxWorker.backOff(FIRST, HOUR, 2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(OutboxWorker.backOff(FIRST, HOUR, 9)).isEqualTo(Duration.ofSeconds(2560));
    }

    @Test
    void theDelayStopsGrowingAtTheCap() {
        assertThat(OutboxWorker.backOff(FIRST, HOUR, 10)).isEqualTo(HOUR);
        assertThat(OutboxWorker.backOff(FIRST, Duration.ofSeconds(30), 3)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aProviderDownForDaysNeverOverflowsTheDelay() {
        // Attempts grow without bound; the shift is bounded so the multiplication cannot overflow.
        assertThat(OutboxWorker.backOff(FIRST, HOUR, 1_000_000)).isEqualTo(HOUR);
        assertThat(OutboxWorker.backOff(FIRST, Duration.ofDays(365), 64)).isEqualTo(FIRST.multipliedBy(1L << 20));
    }
}
