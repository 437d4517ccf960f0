package dev.nn.experiments;

import dev.nn.experiments.results.ExperimentResult;
import java.io.IOException;
import java.util.List;

/** One experiment of Chapter 3, as the book runs it. */
public interface Experiment {

    /** Command-line id, e.g. {@code imdb}, {@code reuters-bottleneck}. */
    String id();

    /** The book section, e.g. {@code 3.4}. */
    String section();

    String title();

    /** What the experiment does, one paragraph. */
    String description();

    /** The Keras files the experiment reads, located (and verified) before any training starts. */
    java.util.Set<dev.nn.datasets.KerasFile> files();

    /** The book's reported numbers, keyed by this run's metric names. */
    List<BookValue> book();

    ExperimentResult run(RunContext context) throws IOException;

    /**
     * Roughly how many seconds this experiment trains for on one thread, as measured on this project's 2-core
     * machine (the java backend, 2026-12-03); 0 when unknown. It only decides the order in which a run starts
     * the experiments it trains side by side, longest first, so that none of the long ones is left to run alone
     * at the end; it changes no result.
     */
    default double expectedSeconds() {
        return 0;
    }
}
