package dev.nn.experiments;

import dev.nn.api.spi.Backend;
import dev.nn.api.training.TrainingListener;
import dev.nn.experiments.results.Repeats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What an experiment runs with.
 *
 * @param backend  the compute backend
 * @param data     the Chapter 3 data sets, loaded once per run
 * @param options  seed, repeats and caps
 * @param progress makes the progress listener of one training, given its label
 * @param models   where the models scored on the test set are saved
 */
public record RunContext(Backend backend, ChapterData data, RunOptions options,
        Function<String, TrainingListener> progress, ModelStore models) {

    /**
     * The trainings of one model, one per seed.
     *
     * @param trials  in seed order; the first is the run's seed
     * @param means   each metric's mean over the trials
     * @param repeats every trial's value of each metric
     */
    public record Repeated(List<Trial> trials, Map<String, Double> means, Repeats repeats) {

        /** The trial of the run's own seed, whose model and history the report shows. */
        public Trial first() {
            return trials.get(0);
        }
    }

    /** Saves the model of experiment {@code id}; returns its path in the run folder (null when none is kept). */
    public String keep(String id, dev.nn.api.models.Sequential model) {
        return models.keep(id, model);
    }

    /** The run's seed. */
    public long seed() {
        return options.seed();
    }

    /** The book's epoch count, or the cap when one is set. */
    public int epochs(int book) {
        return options.maxEpochs() > 0 ? Math.min(book, options.maxEpochs()) : book;
    }

    /** How many of {@code k} folds to run. */
    public int folds(int k) {
        return options.maxFolds() > 0 ? Math.min(k, options.maxFolds()) : k;
    }

    public TrainingListener progress(String label) {
        return progress.apply(label);
    }

    /** The seeds of repeated trainings: {@code seed, seed + 1, ..., seed + repeats - 1}. */
    public List<Long> seeds() {
        List<Long> seeds = new ArrayList<>(options.repeats());
        for (int i = 0; i < options.repeats(); i++) {
            seeds.add(seed() + i);
        }
        return seeds;
    }

    /**
     * Runs {@code trial} (train from scratch with this seed, evaluate) once per seed, in seed order, and
     * returns the trials with each metric's mean. A single training's score moves by a point or more with
     * the seed; the mean of a few is what a comparison with the book can rely on.
     */
    public Repeated repeat(LongFunction<Trial> trial) {
        List<Trial> trials = new ArrayList<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (long s : seeds()) {
            Trial t = trial.apply(s);
            Map<String, Double> m = t.metrics();
            if (!values.isEmpty() && !values.keySet().equals(m.keySet())) {
                throw new IllegalStateException("Seed " + s + " gave metrics " + m.keySet() + ", the first seed "
                        + values.keySet());
            }
            m.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            trials.add(t);
        }
        Repeats repeats = new Repeats(seeds(), values);
        Map<String, Double> means = new LinkedHashMap<>();
        values.keySet().forEach(k -> means.put(k, repeats.mean(k)));
        return new Repeated(List.copyOf(trials), means, repeats);
    }

    /**
     * Runs {@code tasks} and returns their results in task order. When the backend runs on more than one thread
     * and makes {@linkplain Backend#singleThreadedSibling independent one-thread siblings}, up to
     * {@code threads} tasks run at once, each lane on a sibling of its own (closed when all are done); otherwise
     * they run one after another on this context. Either way each task computes the same: it is given a context
     * that differs from this one only in its backend, and the java backend's results do not depend on its thread
     * count. Meant for trainings whose steps are too small to split across threads (Boston's batches of one),
     * where a second core would otherwise stay idle.
     *
     * <p>Every task is finished or abandoned before this returns. The first failure, in task order, is thrown
     * once the lanes have stopped; the tasks not yet started are then skipped.
     */
    public <T> List<T> concurrently(List<Function<RunContext, T>> tasks) {
        // one lane needs no sibling: the tasks then run here, and no backend is made for nothing
        int lanes = Math.min(backend == null ? 1 : backend.threads(), tasks.size());
        List<Backend> siblings = new ArrayList<>();
        try {
            for (int i = 0; lanes > 1 && i < lanes; i++) {
                java.util.Optional<Backend> sibling = backend.singleThreadedSibling();
                if (sibling.isEmpty()) {
                    break;
                }
                siblings.add(sibling.get());
            }
            if (siblings.size() < 2) {
                List<T> results = new ArrayList<>(tasks.size());
                for (Function<RunContext, T> task : tasks) {
                    results.add(task.apply(this));
                }
                return results;
            }
            return Lanes.run(tasks, siblings.stream().map(this::on).toList());
        } finally {
            siblings.forEach(Backend::close);
        }
    }

    private RunContext on(Backend other) {
        return new RunContext(other, data, options, progress, models);
    }

    /** A label for the progress of one repeated training, e.g. {@code "imdb: 4 epochs, seed 43 (2/3)"}. */
    public String seedLabel(String label, long seed) {
        return options.repeats() == 1 ? label
                : label + ", seed " + seed + " (" + (seed - seed() + 1) + "/" + options.repeats() + ")";
    }
}
