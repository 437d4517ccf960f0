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
import java.util.ArrayList;
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
 * use ({@code FitLoop.epoch} five times, 615 ms).
 *
 * <p>Types are not all: the kernels branch on shapes (a layer as wide as one, two or three vectors, or wider; row
 * groups of four and what is left; batches too short to pack; batch size 1), and a branch that never ran when C2
 * compiled is compiled as a trap. The first version of the priming trained 4-unit models on 8 rows, and the
 * experiments after the two capacity runs still sent the loop and its kernels back to be compiled (JFR:
 * {@code FitLoop.epoch} four times, 1.9 s of C2 time, {@code Dense.forward} three times). So the models here have
 * the layer widths, outputs and batch sizes of the chapter's experiments, on 38 rows (batches of 16, 16 and 6) of
 * 1,000 words or 13 values, without the capacity runs' 512- to 4,096-wide layers: those run first in the chapter and
 * take their own branches before anything else is compiled, and trained here cold they took 1.1 s more. They train
 * one epoch each in turn, 40 rounds (0.7-1.3 s, counted in the run's time, on one core while C2 compiles on the
 * other), so that no kind's branches are compiled away before the others have run. C2's time in a chapter run fell
 * from 12.7 to 9.5 s (JFR). The chapter in alternating runs (2026-12-07, 13:12-13:17, load average 2.0-2.5): 19.8,
 * 20.4, 20.8 and 20.7 s, against 21.8, 23.0, 22.2 and 22.4 s with the first version. The results are the same
 * bits: the experiments' models, data and random numbers are their own.
 */
final class JitPrimer {

    /** Rows of the text and dense sets: batches of 16, 16 and 6, so that full and short row groups both run. */
    private static final int ROWS = 38;
    private static final int BATCH = 16;
    /** Rows of the batch-1 set, Boston's batch size. */
    private static final int SINGLE_ROWS = 12;
    private static final int VOCABULARY = 1000;
    private static final int WORDS = 12;
    private static final int EPOCHS = 40;

    private JitPrimer() {
    }

    /** What one tiny model is made of: the chapter's layer widths, output, loss, metric and batch size. */
    private record Kind(Features x, Targets y, int[] hidden, Activation activation, int outputs, Activation output,
            Loss loss, Metric metric, int batch) {
    }

    /** A model of {@code x}'s words: {@code hidden} layers of {@code activation}, accuracy, batches of 16. */
    private static Kind textKind(MultiHotRows x, Targets y, Activation activation, int outputs, Activation output,
            Loss loss, int... hidden) {
        return new Kind(x, y, hidden, activation, outputs, output, loss, Metric.accuracy(), BATCH);
    }

    /** Trains the tiny models on {@code backend}; returns how many. */
    static int prime(Backend backend) {
        SplittableRandom rng = new SplittableRandom(1);
        int[][] words = new int[ROWS][];
        float[] dense = new float[ROWS * 13];
        float[] binary = new float[ROWS];
        float[] prices = new float[ROWS];
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            words[i] = rng.ints(WORDS, 0, VOCABULARY).toArray();
            binary[i] = i % 2;
            prices[i] = (float) rng.nextDouble(5, 50);
            labels[i] = rng.nextInt(46);
        }
        for (int i = 0; i < dense.length; i++) {
            dense[i] = (float) rng.nextDouble(-2, 2);
        }
        MultiHotRows text = MultiHotRows.encode(words, VOCABULARY);
        DenseMatrix features = new DenseMatrix(dense, ROWS, 13);
        DenseMatrix binaryTargets = new DenseMatrix(binary, ROWS, 1);
        DenseMatrix priceTargets = new DenseMatrix(prices, ROWS, 1);
        IntLabels topics = new IntLabels(labels, 46);
        Targets oneHot = topics.toOneHot();
        Activation relu = Activation.RELU;
        Activation sigmoid = Activation.SIGMOID;
        Activation softmax = Activation.SOFTMAX;
        Loss crossentropy = Losses.categoricalCrossentropy();
        List<Kind> kinds = List.of(
                // IMDB (3.4) and its variants (3.4.7)
                textKind(text, binaryTargets, relu, 1, sigmoid, Losses.binaryCrossentropy(), 16, 16),
                textKind(text, binaryTargets, relu, 1, sigmoid, Losses.binaryCrossentropy()),
                textKind(text, binaryTargets, relu, 1, sigmoid, Losses.binaryCrossentropy(), 16, 16, 16, 16),
                textKind(text, binaryTargets, relu, 1, sigmoid, Losses.meanSquaredError(), 16, 16),
                textKind(text, binaryTargets, Activation.TANH, 1, sigmoid, Losses.binaryCrossentropy(), 16, 16),
                // Reuters (3.5), integer labels, and the capacity variants (3.5.7)
                textKind(text, oneHot, relu, 46, softmax, crossentropy, 64, 64),
                textKind(text, topics, relu, 46, softmax, Losses.sparseCategoricalCrossentropy(), 64, 64),
                textKind(text, oneHot, relu, 46, softmax, crossentropy, 64, 4),
                textKind(text, oneHot, relu, 46, softmax, crossentropy),
                textKind(text, oneHot, relu, 46, softmax, crossentropy, 64, 64, 64, 64),
                // Boston (3.6): batch 1 in the folds, batch 16 for the final model
                new Kind(features.slice(0, SINGLE_ROWS), priceTargets.slice(0, SINGLE_ROWS), new int[] {64, 64}, relu,
                        1, Activation.LINEAR, Losses.meanSquaredError(), Metric.meanAbsoluteError(), 1),
                new Kind(features, priceTargets, new int[] {64, 64}, relu, 1, Activation.LINEAR,
                        Losses.meanSquaredError(), Metric.meanAbsoluteError(), BATCH));
        List<Sequential> models = new ArrayList<>();
        for (Kind k : kinds) {
            Dense[] layers = new Dense[k.hidden().length + 1];
            for (int i = 0; i < k.hidden().length; i++) {
                layers[i] = Dense.of(k.hidden()[i], k.activation());
            }
            layers[k.hidden().length] = Dense.of(k.outputs(), k.output());
            Sequential model = new Sequential(backend, 1, layers);
            model.compile(RmsProp.defaults(), k.loss(), k.metric());
            models.add(model);
        }
        // one epoch of each in turn, so that no kind's branches are compiled away before the others have run
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = 0; i < kinds.size(); i++) {
                Kind k = kinds.get(i);
                models.get(i).fit(k.x(), k.y(), 1, k.batch(), ValidationData.of(k.x(), k.y()));
            }
        }
        for (int i = 0; i < kinds.size(); i++) {
            models.get(i).predict(kinds.get(i).x(), BATCH);
        }
        return kinds.size();
    }
}
