package dev.nn.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The round trip of a value between two threads spinning on one atomic counter, in nanoseconds: the cost of
 * every hand-off between a backend's threads. Printed before and after the workloads because on the project's
 * shared 2-core machine it moved, within a run and with no other load, between about 65 ns and 345 ns (the two
 * virtual cores placed near or far from each other, it seems), and while it was high the java backend's
 * 2-thread IMDB epoch took twice its time, longer than on one thread.
 */
final class CrossCore {

    private CrossCore() {
    }

    /** The median over 5 rounds of 20,000 round trips. */
    static long roundTripNanos() {
        AtomicInteger x = new AtomicInteger();
        Thread echo = new Thread(() -> {
            int v;
            while (true) {
                while (((v = x.get()) & 1) == 0) {
                    Thread.onSpinWait();
                }
                if (v < 0) {
                    return;
                }
                x.set(v + 1);
            }
        }, "nn-bench-echo");
        echo.setDaemon(true);
        echo.start();
        long[] rounds = new long[5];
        int trips = 20_000;
        for (int r = 0; r < rounds.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < trips; i++) {
                int v = x.incrementAndGet();
                while (x.get() == v) {
                    Thread.onSpinWait();
                }
            }
            rounds[r] = (System.nanoTime() - start) / trips;
        }
        x.set(-1);
        Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }
}
