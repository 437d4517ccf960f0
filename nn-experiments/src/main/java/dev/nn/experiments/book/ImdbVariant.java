package dev.nn.experiments.book;

import static dev.nn.api.layers.Activation.RELU;
import static dev.nn.api.layers.Activation.SIGMOID;
import static dev.nn.api.layers.Activation.TANH;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Loss;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.training.History;
import dev.nn.datasets.TextSplit;
import dev.nn.experiments.BookValue;
import dev.nn.experiments.RunContext;
import dev.nn.experiments.results.Curve;
import dev.nn.experiments.results.ExperimentResult;
import java.io.IOException;

/**
 * Section 3.4.7, further experiments: the IMDB model with one change each, trained 4 epochs on all of
 * train and evaluated on the test set.
 */
public final class ImdbVariant extends ModelVariant {

    /** The variants the chapter suggests, with the book's test accuracy. */
    public enum Variant {
        ONE_LAYER("imdb-one-layer", "a single Dense(1, sigmoid) layer", new int[0], RELU, false, 0.8732, 2),
        FOUR_HIDDEN("imdb-four-hidden", "four Dense(16, relu) hidden layers", new int[] {16, 16, 16, 16}, RELU, false,
                0.8806, 1.4),
        WIDE("imdb-wide", "Dense(16) then Dense(1024) hidden layers", new int[] {16, 1024}, RELU, false, 0.8812, 5),
        MSE("imdb-mse", "mean squared error instead of binary cross-entropy", new int[] {16, 16}, RELU, true, 0.8828,
                1.1),
        TANH_ACTIVATIONS("imdb-tanh", "tanh instead of relu activations", new int[] {16, 16}, TANH, false, 0.8772,
                2.5);

        final String id;
        final String change;
        final int[] hidden;
        final Activation activation;
        final boolean mse;
        final double bookAccuracy;
        final double seconds;

        Variant(String id, String change, int[] hidden, Activation activation, boolean mse, double bookAccuracy,
                double seconds) {
            this.seconds = seconds;
            this.id = id;
            this.change = change;
            this.hidden = hidden;
            this.activation = activation;
            this.mse = mse;
            this.bookAccuracy = bookAccuracy;
        }
    }

    private final Variant variant;

    public ImdbVariant(Variant variant) {
        super(variant.id, "3.4.7", "IMDB", "3.4", variant.change, "20 epochs against x_train[:10000] for the "
                + "validation curves, then a fresh model 4 epochs of batch 512 on all 25,000 training reviews and the "
                + "test set.", new BookValue("test_accuracy", variant.bookAccuracy, "3.4.7"));
        this.variant = variant;
    }

    @Override
    public double expectedSeconds() {
        return variant.seconds;
    }

    @Override
    public java.util.Set<dev.nn.datasets.KerasFile> files() {
        return java.util.EnumSet.of(dev.nn.datasets.KerasFile.IMDB);
    }

    @Override
    public ExperimentResult run(RunContext ctx) throws IOException {
        ExperimentResult.Builder result = ExperimentResult.of(this);
        TextSplit data = ctx.data().imdb();
        MultiHotRows xTrain = ctx.data().imdbMultiHot().train();
        DenseMatrix yTrain = Listings.binaryTargets(data.train().labels());
        DenseMatrix yTest = Listings.binaryTargets(data.test().labels());
        MultiHotRows xTest = ctx.data().imdbMultiHot().test();
        // the validation curves of 3.4.4 for this variant, to set beside the baseline's, and the test-set trainings
        RunContext.Both<History, RunContext.Repeated> runs = Listings.imdbTrainings(ctx, this::model, xTrain, yTrain,
                xTest, yTest, id());
        History validation = runs.first();
        RunContext.Repeated test = runs.second();
        return result.metrics(test.means()).repeats(test.repeats()).model(ctx.keep(id(), test.first().model()))
                .curve(Curve.of("20 epochs, validation on x_train[:10000]", validation)).build();
    }

    private Sequential model(RunContext ctx, long seed) {
        Sequential model = Listings.model(ctx, seed, Listings.stack(variant.activation, variant.hidden,
                Dense.of(1, SIGMOID)));
        Loss loss = variant.mse ? Losses.meanSquaredError() : Losses.binaryCrossentropy();
        model.compile(RmsProp.defaults(), loss, Metric.accuracy());
        return model;
    }
}
