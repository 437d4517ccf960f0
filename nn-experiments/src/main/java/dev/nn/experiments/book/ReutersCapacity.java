package dev.nn.experiments.book;

import static dev.nn.api.layers.Activation.RELU;
import static dev.nn.api.layers.Activation.SOFTMAX;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.IntLabels;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.training.History;
import dev.nn.api.training.ValidationData;
import dev.nn.datasets.Reuters;
import dev.nn.datasets.TextSplit;
import dev.nn.experiments.BookValue;
import dev.nn.experiments.RunContext;
import dev.nn.experiments.results.ExperimentResult;
import dev.nn.experiments.results.Curve;
import java.io.IOException;

/**
 * Sections 3.5.7-3.5.8: the Reuters model with other capacities (an information bottleneck, wider and
 * deeper layers, no hidden layer), 20 epochs of batch 128 against {@code x_train[:1000]}; the book reports
 * the validation accuracy of the last epoch.
 */
public final class ReutersCapacity extends ModelVariant {

    /** The capacity variants, with the book's validation accuracy at epoch 20. */
    public enum Variant {
        BOTTLENECK("reuters-bottleneck", "a Dense(4) bottleneck in the middle", new int[] {64, 4}, 0.680, 0.8),
        WIDE_MIDDLE("reuters-wide", "a Dense(4096) middle layer", new int[] {64, 4096}, 0.785, 13),
        LARGE("reuters-512", "two Dense(512) hidden layers", new int[] {512, 512}, 0.803, 13),
        SINGLE_LAYER("reuters-single-layer", "a single Dense(46, softmax) layer", new int[0], 0.796, 0.8),
        FOUR_HIDDEN("reuters-four-hidden", "four Dense(64) hidden layers", new int[] {64, 64, 64, 64}, 0.790, 1);

        final String id;
        final String change;
        final int[] hidden;
        final double bookValAccuracy;
        final double seconds;

        Variant(String id, String change, int[] hidden, double bookValAccuracy, double seconds) {
            this.id = id;
            this.change = change;
            this.hidden = hidden;
            this.bookValAccuracy = bookValAccuracy;
            this.seconds = seconds;
        }
    }

    private final Variant variant;

    public ReutersCapacity(Variant variant) {
        super(variant.id, "3.5.7", "Reuters", "3.5", variant.change, "20 epochs of batch 128 with x_train[:1000] "
                + "held out. The book reports the validation accuracy after the last epoch.",
                new BookValue("final_val_accuracy", variant.bookValAccuracy, "3.5.7"));
        this.variant = variant;
    }

    @Override
    public double expectedSeconds() {
        return variant.seconds;
    }

    @Override
    public java.util.Set<dev.nn.datasets.KerasFile> files() {
        return java.util.EnumSet.of(dev.nn.datasets.KerasFile.REUTERS);
    }

    @Override
    public ExperimentResult run(RunContext ctx) throws IOException {
        ExperimentResult.Builder result = ExperimentResult.of(this);
        TextSplit data = ctx.data().reuters();
        MultiHotRows x = ctx.data().reutersMultiHot().train();
        DenseMatrix y = new IntLabels(data.train().labels(), Reuters.NUM_CLASSES).toOneHot();
        Sequential model = Listings.model(ctx, Listings.stack(RELU, variant.hidden, Dense.of(46, SOFTMAX)));
        model.compile(RmsProp.defaults(), Losses.categoricalCrossentropy(), Metric.accuracy());
        History history = model.fit(x.slice(1000, x.rows()), y.slice(1000, y.rows()), ctx.epochs(20), 128,
                ValidationData.of(x.slice(0, 1000), y.slice(0, 1000)), ctx.progress(id() + ": 20 epochs"));
        return result.metric("best_val_accuracy", history.get("val_accuracy").stream()
                        .mapToDouble(Double::doubleValue).max().orElseThrow())
                .metric("final_val_accuracy", history.last("val_accuracy"))
                .curve(Curve.of("20 epochs of batch 128, validation on x_train[:1000]", history)).build();
    }
}
