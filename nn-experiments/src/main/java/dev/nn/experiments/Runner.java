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

/** Runs a selection of experiments on the injected backend and collects their results. */
public final class Runner {

    private final Backend backend;
    private final ChapterData data;

    @Inject
    public Runner(Backend backend, ChapterData data) {
        this.backend = backend;
        this.data = data;
    }

    /** {@code run: 3/14 done in 12s, about 46s left}: the time left at this run's mean per experiment so far. */
    static String runProgress(int done, int total, double elapsed) {
        String left = done < total ? String.format(Locale.ROOT, ", about %.0fs left (at %.1fs per experiment so far)",
                elapsed / done * (total - done), elapsed / done) : "";
        return String.format(Locale.ROOT, "run: %d/%d done in %.0fs%s", done, total, elapsed, left);
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
            RunContext ctx = new RunContext(backend, data, options, progress, models, lanes);
            List<ExperimentResult> results = new ArrayList<>();
            for (Experiment e : selected) {
                out.printf(Locale.ROOT, "%n== [%d/%d] %s %s (%s)%n", results.size() + 1, selected.size(), e.section(),
                        e.title(), e.id());
                ExperimentResult r = e.run(ctx);
                results.add(r);
                print(e, r, out);
                checkpoint.accept(RunRecord.of(backend, options, started, (System.nanoTime() - start) / 1e9, results));
                out.println(runProgress(results.size(), selected.size(), (System.nanoTime() - start) / 1e9));
            }
            return RunRecord.of(backend, options, started, (System.nanoTime() - start) / 1e9, results);
        } finally {
            lanes.forEach(Backend::close);
        }
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
