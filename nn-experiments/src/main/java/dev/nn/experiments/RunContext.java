package dev.nn.experiments;

import dev.nn.api.spi.Backend;
import dev.nn.api.training.TrainingListener;
import java.util.function.Function;

/**
 * What an experiment runs with.
 *
 * @param backend   the compute backend
 * @param data      the Chapter 3 data sets, loaded once per run
 * @param seed      seed of every model and shuffle in the run
 * @param maxEpochs caps every training's epochs (quick runs), or 0 for the book's
 * @param maxFolds  caps the K-fold loops to this many folds, or 0 for all
 * @param progress  makes the progress listener of one training, given its label
 */
public record RunContext(Backend backend, ChapterData data, long seed, int maxEpochs, int maxFolds,
        Function<String, TrainingListener> progress) {

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
}
