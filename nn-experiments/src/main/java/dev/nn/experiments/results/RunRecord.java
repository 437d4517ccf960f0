package dev.nn.experiments.results;

import java.util.List;

/**
 * One run of the command line: the JSON file a run writes and the report reads.
 *
 * @param backend            backend name
 * @param backendDescription backend, threads and kernels
 * @param seed               the run's seed
 * @param repeats            seeds per test-set training (metrics are their mean); 0 in files from before repeats
 * @param threads            kernel threads
 * @param maxEpochs          the epoch cap (0 = the book's)
 * @param maxFolds           the fold cap (0 = all)
 * @param startedAt          ISO-8601 start time
 * @param wallSeconds        wall time of the whole run
 * @param java               Java version
 * @param experiments        results, in run order
 */
public record RunRecord(String backend, String backendDescription, long seed, int repeats, int threads, int maxEpochs,
        int maxFolds, String startedAt, double wallSeconds, String java, List<ExperimentResult> experiments) {

    /** The record of a run of {@code experiments} on {@code backend} with {@code options}, in this JVM. */
    public static RunRecord of(dev.nn.api.spi.Backend backend, dev.nn.experiments.RunOptions options, String startedAt,
            double wallSeconds, List<ExperimentResult> experiments) {
        return new RunRecord(backend.name(), backend.description(), options.seed(), options.repeats(),
                backend.threads(), options.maxEpochs(), options.maxFolds(), startedAt, wallSeconds,
                System.getProperty("java.version"), List.copyOf(experiments));
    }
}
