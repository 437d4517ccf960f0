package dev.nn.experiments.book;

import static dev.nn.api.layers.Activation.RELU;
import static dev.nn.api.layers.Activation.SOFTMAX;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.IntLabels;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.data.Targets;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.training.History;
import dev.nn.api.training.ValidationData;
import dev.nn.datasets.NumpyRandomState;
import dev.nn.datasets.Reuters;
import dev.nn.datasets.TextSplit;
import dev.nn.experiments.BookValue;
import dev.nn.experiments.Experiment;
import dev.nn.experiments.RunContext;
import dev.nn.experiments.Trial;
import dev.nn.experiments.results.Curve;
import dev.nn.experiments.results.ExperimentResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Section 3.5, classifying newswires: multi-hot wires into Dense(64, relu) x 2 and Dense(46, softmax).
 * 20 epochs with {@code x_train[:1000]} held out, then a fresh model 9 epochs on the same split, as Listing 3.23
 * prints it ({@code fit(partial_x_train, partial_y_train, epochs=9, ..., validation_data=(x_val, y_val))}), evaluated on the test set
 * and set against a random baseline. With {@code integerLabels} the labels stay integers and the loss is
 * sparse categorical cross-entropy (3.5.6), which must give the same numbers.
 */
public final class ReutersClassification implements Experiment {

    private final boolean integerLabels;

    public ReutersClassification(boolean integerLabels) {
        this.integerLabels = integerLabels;
    }

    @Override
    public String id() {
        return integerLabels ? "reuters-int-labels" : "reuters";
    }

    @Override
    public String section() {
        return integerLabels ? "3.5.6" : "3.5";
    }

    @Override
    public String title() {
        return integerLabels ? "Reuters with integer labels and sparse categorical cross-entropy"
                : "Classifying newswires (Reuters, 46 topics)";
    }

    @Override
    public String description() {
        return "Topic of 11,228 Reuters newswires (46 classes), multi-hot over 10,000 words: Dense(64, relu) -> "
                + "Dense(64, relu) -> Dense(46, softmax), RMSprop, "
                + (integerLabels ? "integer labels with sparse categorical cross-entropy" : "one-hot labels with "
                        + "categorical cross-entropy")
                + ". 20 epochs of batch 512 with x_train[:1000] held out, then a fresh model 9 epochs on the same "
                + "7,982 wires (Listing 3.23), evaluated on the test set and against a random baseline.";
    }

    @Override
    public double expectedSeconds() {
        return 2;
    }

    @Override
    public java.util.Set<dev.nn.datasets.KerasFile> files() {
        return java.util.EnumSet.of(dev.nn.datasets.KerasFile.REUTERS);
    }

    @Override
    public List<BookValue> book() {
        return List.of(new BookValue("test_loss", 0.9835, "3.5.4"), new BookValue("test_accuracy", 0.7912, "3.5.4"),
                new BookValue("random_baseline_accuracy", 0.1843, "3.5.4"));
    }

    private Sequential model(RunContext ctx, long seed) {
        Sequential model = Listings.model(ctx, seed, Dense.of(64, RELU), Dense.of(64, RELU), Dense.of(46, SOFTMAX));
        model.compile(RmsProp.defaults(), integerLabels ? Losses.sparseCategoricalCrossentropy()
                : Losses.categoricalCrossentropy(), Metric.accuracy());
        return model;
    }

    private Targets labels(int[] labels) {
        IntLabels ints = new IntLabels(labels, Reuters.NUM_CLASSES);
        return integerLabels ? ints : ints.toOneHot();
    }

    @Override
    public ExperimentResult run(RunContext ctx) throws IOException {
        ExperimentResult.Builder result = ExperimentResult.of(this);
        TextSplit data = ctx.data().reuters();
        MultiHotRows xTrain = ctx.data().reutersMultiHot().train();
        MultiHotRows xTest = ctx.data().reutersMultiHot().test();
        Targets yTrain = labels(data.train().labels());
        Targets yTest = labels(data.test().labels());

        // Listing 3.20: x_train[:1000] set apart for validation
        MultiHotRows partialX = xTrain.slice(1000, xTrain.rows());
        Targets partialY = yTrain.slice(1000, yTrain.rows());
        ValidationData validation = ValidationData.of(xTrain.slice(0, 1000), yTrain.slice(0, 1000));
        // Listing 3.23: a new model trained 9 epochs as printed, on partial_x_train with the validation data, once
        // per seed. Independent of the 20-epoch run: the two run side by side where the context has lanes
        RunContext.Both<History, RunContext.Repeated> runs = ctx.both(
                lane -> model(lane, lane.seed()).fit(partialX, partialY, lane.epochs(20), 512, validation,
                        lane.progress(id() + ": 20 epochs, validation on x_train[:1000]")),
                lane -> lane.repeat((c, seed) -> {
                    Sequential model = model(c, seed);
                    History h = model.fit(partialX, partialY, c.epochs(9), 512, validation, c.progress(c.seedLabel(
                            id() + ": 9 epochs on partial_x_train", seed)));
                    Map<String, Double> m = new LinkedHashMap<>(Listings.prefixed("test_",
                            model.evaluate(xTest, yTest)));
                    m.put("random_baseline_accuracy", randomBaseline(data.test().labels(), seed));
                    return new Trial(seed, model, h, m);
                }));
        History history = runs.first();
        RunContext.Repeated test = runs.second();
        Map<String, Double> metrics = new LinkedHashMap<>(test.means());

        // 3.5.5 Generating predictions on new data (the first seed's model)
        DenseMatrix predictions = test.first().model().predict(xTest);
        double worstSum = 0;
        for (int r = 0; r < predictions.rows(); r++) {
            double sum = 0;
            for (float v : predictions.row(r)) {
                sum += v;
            }
            worstSum = Math.max(worstSum, Math.abs(sum - 1));
        }
        metrics.put("max_abs_row_sum_minus_1", worstSum);
        float[] first = predictions.row(0);
        int argmax = 0;
        for (int j = 1; j < first.length; j++) {
            argmax = first[j] > first[argmax] ? j : argmax;
        }
        String note = String.format(Locale.ROOT, "predictions[0]: argmax %d (%s, p = %.3f), true label %d (%s); every "
                + "row sums to 1 within %.1e", argmax, Reuters.LABELS.get(argmax), first[argmax], data.test().labels()[0],
                Reuters.LABELS.get(data.test().labels()[0]), worstSum);
        return result.metrics(metrics).repeats(test.repeats()).model(ctx.keep(id(), test.first().model()))
                .curve(Curve.of("20 epochs, validation on x_train[:1000]", history)).note(note).build();
    }

    /** The book's baseline: the share of test labels equal to a shuffled copy of themselves. */
    static double randomBaseline(int[] labels, long seed) {
        int[] copy = labels.clone();
        new NumpyRandomState(seed & 0xffffffffL).shuffle(copy);
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            hits += labels[i] == copy[i] ? 1 : 0;
        }
        return hits / (double) labels.length;
    }
}
