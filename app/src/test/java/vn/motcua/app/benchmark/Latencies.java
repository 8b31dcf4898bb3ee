package vn.motcua.app.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** Response times of one measured phase, in nanoseconds, and the summary the reports print. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;
    private int errors;

    synchronized void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized void error() {
        errors++;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
        errors += other.errors;
    }

    synchronized Summary summary(long elapsedNanos) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(
                count,
                errors,
                elapsedNanos,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                count == 0 ? 0 : sorted[count - 1]);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Rates per second over the phase's wall time; latencies in milliseconds. */
    record Summary(int count, int errors, long elapsedNanos, long p50, long p95, long p99, long max) {

        double perSecond() {
            return elapsedNanos == 0 ? 0 : count / (elapsedNanos / 1e9);
        }

        static String ms(long nanos) {
            return String.format(Locale.ROOT, nanos < 10_000_000 ? "%.2f" : "%.1f", nanos / 1e6);
        }

        String p50ms() {
            return ms(p50);
        }

        String p95ms() {
            return ms(p95);
        }

        String p99ms() {
            return ms(p99);
        }

        String maxMs() {
            return ms(max);
        }

        String rate() {
            return String.format(Locale.ROOT, "%.0f", perSecond());
        }
    }
}
