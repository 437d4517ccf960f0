package dev.nn.experiments;

import dev.nn.api.spi.Backend;
import dev.nn.api.training.TrainingListener;
import dev.nn.experiments.results.ExperimentResult;
import dev.nn.experiments.results.RunRecord;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs a selection of experiments on the injected backend and collects their results. Where the backend has
 * {@linkplain RunContext#lanesOf lanes} (the java and nd4j backends on two threads or more), several experiments
 * run side by side, one per lane at a time, each on its lane's one-thread backend and with its own trainings one
 * after another, the longest first; one experiment alone runs on the backend itself, its independent trainings side by
 * side on the lanes. The java backend's results are the same either way (they do not depend on its thread count),
 * the nd4j backend's within the cross-backend tolerance (OpenBLAS rounds differently on one thread and on two),
 * and are recorded in the order of the selection.
 */
public final class Runner {

    private final Backend backend;
    private final ChapterData data;

    @Inject
    public Runner(Backend backend, ChapterData data) {
        this.backend = backend;
        this.data = data;
    }

    /**
     * {@code run: 3/14 done in 12s, about 46s left}: the time left if what is left goes at the pace of what is done,
     * by the experiments' {@linkplain Experiment#expectedSeconds expected seconds} (or their count, where one is
     * unknown).
     */
    static String runProgress(List<Experiment> selected, ExperimentResult[] done, double elapsed) {
        boolean known = selected.stream().allMatch(e -> e.expectedSeconds() > 0);
        double workDone = 0;
        double workLeft = 0;
        int finished = 0;
        for (int i = 0; i < selected.size(); i++) {
            double w = known ? selected.get(i).expectedSeconds() : 1;
            if (done[i] != null) {
                workDone += w;
                finished++;
            } else {
                workLeft += w;
            }
        }
        String left = finished < selected.size() && workDone > 0
                ? String.format(Locale.ROOT, ", about %.0fs left", elapsed / workDone * workLeft) : "";
        return String.format(Locale.ROOT, "run: %d/%d done in %.0fs%s", finished, selected.size(), elapsed, left);
    }

    /**
     * Whether a run primes the JIT ({@link JitPrimer}): several experiments side by side on the java backend's
     * lanes. On the other backends a step's time is in their native calls, which the priming would pay for.
     */
    static boolean primes(int experiments, List<Backend> lanes) {
        return experiments > 1 && !lanes.isEmpty() && lanes.get(0).name().equals("java");
    }

    public RunRecord run(List<Experiment> selected, RunOptions options, Function<String, TrainingListener> progress,
            ModelStore models, PrintStream out) throws IOException {
        return run(selected, options, progress, models, done -> { }, out);
    }

    /**
     * Runs {@code selected}; after each experiment, {@code checkpoint} receives the record of those finished so far
     * (the command line writes it, so that a run that fails or is stopped keeps what it finished).
     */
    public RunRecord run(List<Experiment> selected, RunOptions options, Function<String, TrainingListener> progress,
            ModelStore models, java.util.function.Consumer<RunRecord> checkpoint, PrintStream out) throws IOException {
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        long start = System.nanoTime();
        // the lanes independent trainings run side by side on, open until the end: the models trained on them are
        // saved and used after their training
        List<Backend> lanes = RunContext.lanesOf(backend);
        try {
            if (primes(selected.size(), lanes)) {
                JitPrimer.prime(backend);
            }
            RunContext ctx = new RunContext(backend, data, options, progress, models, lanes);
            ExperimentResult[] done = new ExperimentResult[selected.size()];
            Function<Integer, Function<RunContext, ExperimentResult>> task = i -> c -> {
                Experiment e = selected.get(i);
                synchronized (done) {
                    out.printf(Locale.ROOT, "%n== [%d/%d] %s %s (%s)%n", i + 1, selected.size(), e.section(),
                            e.title(), e.id());
                }
                ExperimentResult r;
                try {
                    r = e.run(c);
                } catch (IOException x) {
                    throw new Failed(x);
                }
                synchronized (done) {
                    done[i] = r;
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    print(e, r, out);
                    checkpoint.accept(RunRecord.of(backend, options, started, elapsed, finishedOf(done)));
                    out.println(runProgress(selected, done, elapsed));
                }
                return r;
            };
            try {
                if (lanes.isEmpty() || selected.size() == 1) {
                    // in order on the run's backend, whose lanes (if any) the experiment's independent trainings share
                    for (int i = 0; i < selected.size(); i++) {
                        task.apply(i).apply(ctx);
                    }
                } else {
                    // side by side, one experiment per lane at a time on the lane's one-thread backend, the longest
                    // first: the experiments' own trainings would split less well across the threads
                    ctx.concurrently(startOrder(selected).stream().map(task).toList());
                }
            } catch (Failed x) {
                throw x.getCause();
            }
            return RunRecord.of(backend, options, started, (System.nanoTime() - start) / 1e9, finishedOf(done));
        } finally {
            lanes.forEach(Backend::close);
        }
    }

    /** An experiment's {@link IOException}, carried out of the lane it ran on. */
    private static final class Failed extends RuntimeException {
        Failed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /**
     * The indexes of {@code selected} in the order a run starts them side by side: by {@link
     * Experiment#expectedSeconds}, the longest first, and otherwise in the order of the selection.
     */
    static List<Integer> startOrder(List<Experiment> selected) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingDouble(i -> -selected.get(i).expectedSeconds()));
        return order;
    }

    /** The experiments finished so far, in the order of the selection. */
    private static List<ExperimentResult> finishedOf(ExperimentResult[] done) {
        return java.util.Arrays.stream(done).filter(java.util.Objects::nonNull).toList();
    }

    /** An experiment's line: its time, metrics and the book's, then each seed's values and the notes. */
    private static void print(Experiment e, ExperimentResult r, PrintStream out) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "-> %s in %.1f s:", e.id(), r.seconds()));
        r.metrics().forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
        e.book().forEach(b -> line.append(String.format(Locale.ROOT, " (book %s=%.4f)", b.metric(), b.value())));
        out.println(line);
        if (r.repeats().seeds().size() > 1) {
            StringBuilder seeds = new StringBuilder("   mean of seeds " + r.repeats().seeds() + ":");
            r.repeats().values().forEach((k, v) -> seeds.append(' ').append(k).append(' ').append(v.stream()
                    .map(x -> String.format(Locale.ROOT, "%.4f", x)).toList()));
            out.println(seeds);
        }
        r.notes().forEach(n -> out.println("   " + n));
    }
}
