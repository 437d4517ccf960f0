package dev.nn.backend.java;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Splits a loop over {@code [0, n)} into one contiguous range per thread when the work is large
 * enough to pay for the hand-off (about 20 µs). Ranges never share an output element and each
 * element is computed in the same order as on one thread, so results do not depend on the
 * thread count.
 */
final class Parallel implements AutoCloseable {

    /** Multiply-adds below which a kernel stays on the calling thread. */
    static final long MIN_WORK = 1L << 17;

    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }

    private final int threads;
    private final ForkJoinPool pool;

    Parallel(int threads) {
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads, Parallel::daemon, null, false);
    }

    private static ForkJoinWorkerThread daemon(ForkJoinPool pool) {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setDaemon(true);
        t.setName("nn-java-" + t.getPoolIndex());
        return t;
    }

    int threads() {
        return threads;
    }

    /** Runs {@code body} over {@code [0, n)}, split across threads when {@code work} is large. */
    void range(int n, long work, RangeBody body) {
        int parts = (int) Math.min(Math.min(threads, n), Math.max(1, work / MIN_WORK));
        if (parts <= 1) {
            body.run(0, n);
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            tasks.add(ForkJoinTask.adapt(() -> body.run(from, to)));
        }
        pool.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(tasks)));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
