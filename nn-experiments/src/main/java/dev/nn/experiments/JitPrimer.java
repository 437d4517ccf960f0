package dev.nn.experiments;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.Features;
import dev.nn.api.data.IntLabels;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.data.Targets;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Loss;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.spi.Backend;
import dev.nn.api.training.ValidationData;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a tiny model of every kind the chapter trains, before a run of several experiments, so that the JIT's
 * profile of the training loop has seen them all when it compiles it.
 *
 * <p>The training loop ({@code FitLoop}, {@code Sequential}, {@code Dense}, the losses and metrics) is one piece
 * of code for every experiment. Compiled while only the first experiments' kinds have run (multi-hot rows, softmax,
 * categorical crossentropy), C2 assumes those types at each call; an experiment that brings another (dense rows,
 * integer labels, MSE) fails those checks, and the loop is compiled again, with the kernels inlined into it: in a
 * chapter run C2 spent 4.4 of its 10.4 s recompiling, most of it in the second half on the two cores the experiments
 * use ({@code FitLoop.epoch} five times, 615 ms). Trained first, for 150 epochs of two batches each (about 0.2 s,
 * counted in the run's time), the tiny models leave every call site with all its types seen. The chapter, in
 * alternating runs (2026-12-07, 12:22-12:33, load average 2.1-2.5): 20.7-22.2 s primed on the run's backend (three
 * runs), 20.3-23.0 s primed on a lane's (seven, mean 21.6 s), against 21.6-22.7 s unprimed (seven, mean 22.1 s).
 * The results are the same bits: the experiments' models, data and random numbers are their own.
 */
final class JitPrimer {

    private static final int ROWS = 8;
    private static final int VOCABULARY = 40;
    private static final int EPOCHS = 150;

    private JitPrimer() {
    }

    /** Trains the tiny models on {@code backend}; returns how many. */
    static int prime(Backend backend) {
        SplittableRandom rng = new SplittableRandom(1);
        int[][] words = new int[ROWS][];
        float[] dense = new float[ROWS * 5];
        float[] binary = new float[ROWS];
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            words[i] = rng.ints(3, 0, VOCABULARY).toArray();
            binary[i] = i % 2;
            labels[i] = i % 3;
        }
        for (int i = 0; i < dense.length; i++) {
            dense[i] = (float) rng.nextDouble();
        }
        MultiHotRows text = MultiHotRows.encode(words, VOCABULARY);
        DenseMatrix values = new DenseMatrix(dense, ROWS, 5);
        DenseMatrix binaryTargets = new DenseMatrix(binary, ROWS, 1);
        IntLabels topics = new IntLabels(labels, 3);
        record Kind(Features x, Targets y, int outputs, Activation output, Loss loss, Metric metric) {
        }
        List<Kind> kinds = List.of(
                new Kind(text, binaryTargets, 1, Activation.SIGMOID, Losses.binaryCrossentropy(), Metric.accuracy()),
                new Kind(text, binaryTargets, 1, Activation.SIGMOID, Losses.meanSquaredError(), Metric.accuracy()),
                new Kind(text, topics.toOneHot(), 3, Activation.SOFTMAX, Losses.categoricalCrossentropy(),
                        Metric.accuracy()),
                new Kind(text, topics, 3, Activation.SOFTMAX, Losses.sparseCategoricalCrossentropy(), Metric.accuracy()),
                new Kind(values, binaryTargets, 1, Activation.LINEAR, Losses.meanSquaredError(),
                        Metric.meanAbsoluteError()));
        int trained = 0;
        for (Kind k : kinds) {
            for (Activation hidden : new Activation[] {Activation.RELU, Activation.TANH}) {
                Sequential model = new Sequential(backend, 1, Dense.of(4, hidden), Dense.of(k.outputs(), k.output()));
                model.compile(RmsProp.defaults(), k.loss(), k.metric());
                model.fit(k.x(), k.y(), EPOCHS, ROWS / 2, ValidationData.of(k.x(), k.y()));
                model.predict(k.x(), ROWS / 2);
                trained++;
            }
        }
        return trained;
    }
}
