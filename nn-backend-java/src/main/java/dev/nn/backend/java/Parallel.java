package dev.nn.backend.java;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a loop over {@code [0, n)} into one contiguous range per thread when the work is large
 * enough to pay for the hand-off. Ranges never share an output element and each element is computed
 * in the same order as on one thread, so results do not depend on the thread count.
 *
 * <p>The calling thread runs the first range itself and {@code threads - 1} workers of this backend run
 * the others. A worker spins for {@link #SPIN_NANOS} after its last range before it parks: a training
 * step is a few dozen kernels microseconds apart, and waking a parked thread for each of them (what a
 * {@code ForkJoinPool} does) cost 50 to 100 µs apiece on the project's 2-core machine, more than many of
 * the kernels themselves. A range no worker has started when the caller is done with its own is run by
 * the caller. Workers are daemon threads named {@code nn-java-N}, started on first use.
 */
final class Parallel implements AutoCloseable {

    /** Multiply-adds below which a kernel stays on the calling thread. */
    static final long MIN_WORK = 1L << 17;

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
        int parts = (int) Math.min(Math.min(threads, n), Math.max(1, work / MIN_WORK));
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
                split(n, parts, body);
            } finally {
                busy = false;
            }
        }
    }

    private void split(int n, int parts, RangeBody body) {
        start();
        Job[] jobs = new Job[parts - 1];
        for (int p = 1; p < parts; p++) {
            jobs[p - 1] = new Job(body, (int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts));
            workers[p - 1].give(jobs[p - 1]);
        }
        Throwable failure = null;
        try {
            body.run(0, (int) ((long) n / parts));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // every range must be finished before the caller returns or throws: they write its arrays
        for (Job job : jobs) {
            if (!job.tryRun()) {
                while (!job.done) {
                    Thread.onSpinWait();
                }
            }
            if (failure == null) {
                failure = job.error;
            }
        }
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

    /** One range handed to a worker; run exactly once, by the worker or by the caller. */
    private static final class Job {
        private final RangeBody body;
        private final int from;
        private final int to;
        private final AtomicBoolean claimed = new AtomicBoolean();
        volatile boolean done;
        volatile Throwable error;

        Job(RangeBody body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        /** Runs the range unless another thread has claimed it; false if it had. */
        boolean tryRun() {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            try {
                body.run(from, to);
            } catch (RuntimeException | Error e) {
                error = e;
            } finally {
                done = true;
            }
            return true;
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
                        job.tryRun();
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
