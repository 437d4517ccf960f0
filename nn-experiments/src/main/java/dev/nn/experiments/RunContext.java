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
 * @param backend   the compute backend
 * @param data      the Chapter 3 data sets, loaded once per run
 * @param seed      seed of every model and shuffle in the run (the first seed of repeated trainings)
 * @param repeats   how many seeds each test-set training runs with: {@code seed, seed + 1, ...}
 * @param maxEpochs caps every training's epochs (quick runs), or 0 for the book's
 * @param maxFolds  caps the K-fold loops to this many folds, or 0 for all
 * @param progress  makes the progress listener of one training, given its label
 */
public record RunContext(Backend backend, ChapterData data, long seed, int repeats, int maxEpochs, int maxFolds,
        Function<String, TrainingListener> progress) {

    /** The results of one training per seed. */
    public record Repeated(Map<String, Double> means, Repeats repeats) {
    }

    public RunContext {
        if (repeats < 1) {
            throw new IllegalArgumentException("Argument `repeats` must be at least 1. Received: repeats=" + repeats);
        }
    }

    /** The book's epoch count, or the cap when one is set. */
    public int epochs(int book) {
        return maxEpochs > 0 ? Math.min(book, maxEpochs) : book;
    }

    /** How many of {@code k} folds to run. */
    public int folds(int k) {
        return maxFolds > 0 ? Math.min(k, maxFolds) : k;
    }

    public TrainingListener progress(String label) {
        return progress.apply(label);
    }

    /** The seeds of repeated trainings: {@code seed, seed + 1, ..., seed + repeats - 1}. */
    public List<Long> seeds() {
        List<Long> seeds = new ArrayList<>(repeats);
        for (int i = 0; i < repeats; i++) {
            seeds.add(seed + i);
        }
        return seeds;
    }

    /**
     * Runs {@code trial} (train from scratch with this seed, evaluate) once per seed, in seed order, and
     * returns each metric's mean with every seed's value. A single training's score moves by a point or
     * more with the seed; the mean of a few is what a comparison with the book can rely on.
     */
    public Repeated repeat(LongFunction<Map<String, Double>> trial) {
        List<Long> seeds = seeds();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (long s : seeds) {
            Map<String, Double> m = trial.apply(s);
            if (!values.isEmpty() && !values.keySet().equals(m.keySet())) {
                throw new IllegalStateException("Seed " + s + " gave metrics " + m.keySet() + ", the first seed "
                        + values.keySet());
            }
            m.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        Repeats repeats = new Repeats(seeds, values);
        Map<String, Double> means = new LinkedHashMap<>();
        values.keySet().forEach(k -> means.put(k, repeats.mean(k)));
        return new Repeated(means, repeats);
    }

    /** A label for the progress of one repeated training, e.g. {@code "imdb: 4 epochs, seed 43 (2/3)"}. */
    public String seedLabel(String label, long seed) {
        return repeats == 1 ? label : label + ", seed " + seed + " (" + (seed - this.seed + 1) + "/" + repeats + ")";
    }
}
