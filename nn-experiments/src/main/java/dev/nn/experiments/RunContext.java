package dev.nn.experiments;

import dev.nn.api.spi.Backend;
import dev.nn.api.training.TrainingListener;
import dev.nn.experiments.results.Repeats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What an experiment runs with.
 *
 * @param backend  the compute backend
 * @param data     the Chapter 3 data sets, loaded once per run
 * @param options  seed, repeats and caps
 * @param progress makes the progress listener of one training, given its label
 * @param models   where the models scored on the test set are saved
 * @param lanes    one-thread siblings of {@code backend} that {@link #concurrently} runs tasks on side by side, at
 *                 least two or none (see {@link #lanesOf}); whoever made them closes them, once nothing trained on
 *                 them is used any more (the {@link Runner}: at the end of the run)
 */
public record RunContext(Backend backend, ChapterData data, RunOptions options,
        Function<String, TrainingListener> progress, ModelStore models, List<Backend> lanes) {

    public RunContext {
        lanes = List.copyOf(lanes);
        if (lanes.size() == 1) {
            throw new IllegalArgumentException("lanes: expected none or at least two, received one");
        }
    }

    /** A context without lanes: {@link #concurrently} runs its tasks one after another. */
    public RunContext(Backend backend, ChapterData data, RunOptions options,
            Function<String, TrainingListener> progress, ModelStore models) {
        this(backend, data, options, progress, models, List.of());
    }

    /**
     * The lanes for a context on {@code backend}: one {@linkplain Backend#singleThreadedSibling one-thread sibling}
     * per thread, or none when it runs on one thread or makes no siblings. The caller closes them.
     */
    public static List<Backend> lanesOf(Backend backend) {
        if (backend == null || backend.threads() < 2) {
            return List.of();
        }
        List<Backend> lanes = new ArrayList<>();
        for (int i = 0; i < backend.threads(); i++) {
            java.util.Optional<Backend> sibling = backend.singleThreadedSibling();
            if (sibling.isEmpty()) {
                break;
            }
            lanes.add(sibling.get());
        }
        if (lanes.size() < 2) {
            lanes.forEach(Backend::close);
            return List.of();
        }
        return List.copyOf(lanes);
    }

    /** One training from scratch: trains with {@code seed} on {@code ctx}'s backend and evaluates. */
    @FunctionalInterface
    public interface SeedTrial {
        Trial run(RunContext ctx, long seed);
    }

    /** What {@link #both} returns: each task's result. */
    public record Both<A, B>(A first, B second) {
    }

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
     * Runs {@code trial} (train from scratch with this seed, evaluate) once per seed and returns the trials, in
     * seed order, with each metric's mean. A single training's score moves by a point or more with the seed; the
     * mean of a few is what a comparison with the book can rely on. The trials are independent trainings: they
     * run {@linkplain #concurrently side by side} where this context has lanes, each on the context it is given.
     */
    public Repeated repeat(SeedTrial trial) {
        List<Function<RunContext, Trial>> tasks = new ArrayList<>();
        for (long s : seeds()) {
            tasks.add(c -> trial.run(c, s));
        }
        List<Trial> trials = concurrently(tasks);
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Trial t : trials) {
            Map<String, Double> m = t.metrics();
            if (!values.isEmpty() && !values.keySet().equals(m.keySet())) {
                throw new IllegalStateException("Seed " + t.seed() + " gave metrics " + m.keySet() + ", the first seed "
                        + values.keySet());
            }
            m.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        Repeats repeats = new Repeats(seeds(), values);
        Map<String, Double> means = new LinkedHashMap<>();
        values.keySet().forEach(k -> means.put(k, repeats.mean(k)));
        return new Repeated(List.copyOf(trials), means, repeats);
    }

    /**
     * Runs two independent pieces of work {@linkplain #concurrently side by side} where this context has lanes
     * (each on a lane of its own, with no lanes left to split further), else one after the other; say a
     * validation run and the {@linkplain #repeat repeated} test-set trainings.
     */
    @SuppressWarnings("unchecked")
    public <A, B> Both<A, B> both(Function<RunContext, A> first, Function<RunContext, B> second) {
        List<Function<RunContext, Object>> tasks = List.of(first::apply, second::apply);
        List<Object> r = concurrently(tasks);
        return new Both<>((A) r.get(0), (B) r.get(1));
    }

    /**
     * Runs {@code tasks} and returns their results in task order. Where this context has {@link #lanes}, up to one
     * task per lane runs at once, each lane taking the next task when it is free, and a task is given a context
     * that differs from this one only in its backend (the lane's) and in having no lanes of its own; otherwise
     * they run one after another on this context. Either way each task computes the same on the java backend, whose
     * results do not depend on its thread count; on nd4j the same within the cross-backend tolerance. Meant for
     * independent trainings whose steps are too small to split well across threads (Boston's batches of one, the
     * IMDB and Reuters models), where the threads would otherwise spend much of each step handing work over; the
     * {@link Runner} runs whole experiments this way.
     *
     * <p>Every task is finished or abandoned before this returns. The first failure, in task order, is thrown
     * once the lanes have stopped; the tasks not yet started are then skipped.
     */
    public <T> List<T> concurrently(List<Function<RunContext, T>> tasks) {
        if (lanes.isEmpty() || tasks.size() < 2) {
            List<T> results = new ArrayList<>(tasks.size());
            for (Function<RunContext, T> task : tasks) {
                results.add(task.apply(this));
            }
            return results;
        }
        return Lanes.run(tasks, lanes.stream().limit(tasks.size()).map(this::on).toList());
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
