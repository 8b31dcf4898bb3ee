package vn.motcua.app.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: each client thread runs the operation again as soon as the previous one
 * answered, for a fixed time. The rate is operations finished per second of wall time.
 */
final class ClosedLoop {

    /** One operation; returns normally when it succeeded, throws when it failed. */
    @FunctionalInterface
    interface Operation {
        void run(int thread) throws Exception;
    }

    private ClosedLoop() {}

    static Latencies.Summary run(int threads, Duration duration, Operation operation) throws InterruptedException {
        Latencies latencies = new Latencies();
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long[] window = new long[2];
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread client = new Thread(
                    () -> {
                        Latencies own = new Latencies();
                        try {
                            start.await();
                            long end = window[1];
                            while (System.nanoTime() < end) {
                                long t0 = System.nanoTime();
                                try {
                                    operation.run(thread);
                                    own.add(System.nanoTime() - t0);
                                } catch (Exception e) {
                                    own.error();
                                    firstError.compareAndSet(null, e);
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            latencies.addAll(own);
                        }
                    },
                    "bench-client-" + t);
            clients.add(client);
            client.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        start.countDown();
        for (Thread client : clients) {
            client.join();
        }
        long elapsed = System.nanoTime() - window[0];
        Latencies.Summary summary = latencies.summary(elapsed);
        if (firstError.get() != null) {
            System.err.println(
                    "[benchmark] " + summary.errors() + " failed operations; the first: " + firstError.get());
        }
        return summary;
    }
}
