package dev.nn.experiments;

/**
 * The settings of one run, checked once.
 *
 * @param seed      seed of every model and shuffle (the first seed of repeated trainings)
 * @param repeats   seeds per test-set training ({@code seed, seed + 1, ...}); its metrics are their mean
 * @param maxEpochs epoch cap for quick runs, 0 for the book's
 * @param maxFolds  fold cap, 0 for all
 */
public record RunOptions(long seed, int repeats, int maxEpochs, int maxFolds) {

    public RunOptions {
        if (repeats < 1) {
            throw new IllegalArgumentException("Argument `repeats` must be at least 1. Received: repeats=" + repeats);
        }
        if (maxEpochs < 0) {
            throw new IllegalArgumentException("Argument `epochs` must be 0 (the book's) or positive. Received: epochs="
                    + maxEpochs);
        }
        if (maxFolds < 0) {
            throw new IllegalArgumentException("Argument `folds` must be 0 (all) or positive. Received: folds="
                    + maxFolds);
        }
    }

    /** The book's run: seed 42, three seeds per test-set training, no caps. */
    public static RunOptions book() {
        return new RunOptions(42, 3, 0, 0);
    }
}
