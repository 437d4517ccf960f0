package dev.nn.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** {@link RunContext#concurrently}'s lanes: one thread per context, taking the tasks in order. */
final class Lanes {

    /** Name prefix of the lane threads. */
    static final String THREAD_NAME = "nn-lane-";

    private Lanes() {
    }

    static <T> List<T> run(List<Function<RunContext, T>> tasks, List<RunContext> contexts) {
        int n = tasks.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger(Integer.MAX_VALUE);
        List<Thread> threads = new ArrayList<>();
        for (int lane = 0; lane < contexts.size(); lane++) {
            RunContext ctx = contexts.get(lane);
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n && i < failed.get(); i = next.getAndIncrement()) {
                    try {
                        results[i] = tasks.get(i).apply(ctx);
                    } catch (RuntimeException | Error e) {
                        failures[i] = e;
                        failed.accumulateAndGet(i, Math::min);
                    }
                }
            }, THREAD_NAME + (lane + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            // stop handing out tasks; the running ones finish with the JVM (the lanes are daemons)
            failed.set(-1);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + n + " trainings ran side by side", e);
        }
        Throwable first = Arrays.stream(failures).filter(f -> f != null).findFirst().orElse(null);
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return java.util.Collections.unmodifiableList(list);
    }
}
