package dev.nn.backend.java;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a loop over {@code [0, n)} into contiguous chunks when the work is large enough to pay for the
 * hand-off. Chunks never share an output element and each element is computed in the same order as on one
 * thread, so results do not depend on the thread count or on which thread ran which chunk.
 *
 * <p>The calling thread and {@code threads - 1} workers of this backend take the chunks in turn, a few per
 * thread: with one fixed half each, the caller spent about a tenth of a chapter run waiting for a worker its
 * shared core had slowed down (JFR samples in the wait loop). A worker spins for {@link #SPIN_NANOS} after its last range before it parks: a training
 * step is a few dozen kernels microseconds apart, and waking a parked thread for each of them (what a
 * {@code ForkJoinPool} does) cost 50 to 100 µs apiece on the project's 2-core machine, more than many of
 * the kernels themselves. A worker that wakes late finds fewer chunks, or none, left. Workers are daemon threads named {@code nn-java-N}, started on first use.
 */
final class Parallel implements AutoCloseable {

    /** Multiply-adds below which a kernel stays on the calling thread. */
    static final long MIN_WORK = 1L << 17;

    /** Chunks per thread of a split loop, taken in turn by whichever thread is free. */
    static final int CHUNKS_PER_THREAD = 4;

    /** How long an idle worker spins before it parks. */
    static final long SPIN_NANOS = 20_000;

    /** Name prefix of the worker threads. */
    static final String WORKER_NAME = "nn-java-";

    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }

    private final int threads;
    private final Worker[] workers;
    private boolean started;
    private boolean busy;

    Parallel(int threads) {
        this.threads = threads;
        this.workers = new Worker[threads - 1];
    }

    int threads() {
        return threads;
    }

    /** Runs {@code body} over {@code [0, n)}, split across threads when {@code work} is large. */
    void range(int n, long work, RangeBody body) {
        range(n, work, 1, body);
    }

    /**
     * Runs {@code body} over {@code [0, n)}, split across threads when {@code work} is large, in chunks that
     * start at multiples of {@code grain} (the rows a kernel takes at a time, say).
     */
    void range(int n, long work, int grain, RangeBody body) {
        int parts = parts(n, work);
        if (parts <= 1 || Thread.currentThread() instanceof Worker) {
            body.run(0, n);
            return;
        }
        synchronized (this) {
            if (busy) {
                // a body that itself calls range, on the calling thread: run it there
                body.run(0, n);
                return;
            }
            busy = true;
            try {
                split(n, parts, grain, body);
            } finally {
                busy = false;
            }
        }
    }

    /** Into how many parts {@link #range} splits a loop of {@code n} with {@code work} multiply-adds in all. */
    int parts(int n, long work) {
        return (int) Math.min(Math.min(threads, n), Math.max(1, work / MIN_WORK));
    }

    private void split(int n, int parts, int grain, RangeBody body) {
        start();
        int chunks = (int) Math.max(1, Math.min((long) parts * CHUNKS_PER_THREAD, n / Math.max(1, grain)));
        Job job = new Job(body, n, chunks, grain);
        for (int p = 1; p < parts; p++) {
            workers[p - 1].give(job);
        }
        job.runChunks();
        // every chunk must be finished before the caller returns or throws: they write its arrays
        while (job.finished.get() < chunks) {
            Thread.onSpinWait();
        }
        Throwable failure = job.error;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private void start() {
        if (started) {
            return;
        }
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(WORKER_NAME + (i + 1));
            workers[i].start();
        }
        started = true;
    }

    @Override
    public synchronized void close() {
        if (started) {
            for (Worker w : workers) {
                w.shutDown();
            }
        }
    }

    /**
     * One split loop: its chunks are taken in order, one at a time, by the caller and by every worker given it,
     * so a thread that is slowed down (a shared core, a late wake-up) takes fewer of them. Which thread runs a
     * chunk never changes what it computes.
     */
    private static final class Job {
        private final RangeBody body;
        private final int n;
        private final int chunks;
        private final int grain;
        private final AtomicInteger next = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        volatile Throwable error;

        Job(RangeBody body, int n, int chunks, int grain) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
            this.grain = grain;
        }

        /** Start of chunk {@code c}: a multiple of the grain, or {@code n} for the end. */
        private int bound(int c) {
            return c == chunks ? n : (int) ((long) n * c / chunks / grain * grain);
        }

        /** Runs chunks until none is left; the first failure is kept, and later chunks still run. */
        void runChunks() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    body.run(bound(c), bound(c + 1));
                } catch (RuntimeException | Error e) {
                    if (error == null) {
                        error = e;
                    }
                } finally {
                    finished.incrementAndGet();
                }
            }
        }
    }

    private static final class Worker extends Thread {
        private final AtomicReference<Job> slot = new AtomicReference<>();
        private volatile boolean parked;
        private volatile boolean closed;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void give(Job job) {
            slot.set(job);
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        void shutDown() {
            closed = true;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (!closed) {
                Job job = slot.get();
                if (job != null) {
                    if (slot.compareAndSet(job, null)) {
                        job.runChunks();
                    }
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (slot.get() == null && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
