package dev.nn.experiments.book;

import static dev.nn.api.layers.Activation.RELU;
import static dev.nn.api.layers.Activation.SIGMOID;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.training.History;
import dev.nn.datasets.TextSplit;
import dev.nn.experiments.BookValue;
import dev.nn.experiments.Experiment;
import dev.nn.experiments.RunContext;
import dev.nn.experiments.results.Curve;
import dev.nn.experiments.results.ExperimentResult;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Section 3.4, classifying movie reviews: multi-hot reviews into Dense(16, relu) x 2 and Dense(1, sigmoid),
 * RMSprop and binary cross-entropy; 20 epochs against a 10,000-review validation set to see overfitting,
 * then a fresh model trained 4 epochs on all 25,000 and evaluated on the test set.
 */
public final class ImdbClassification implements Experiment {

    @Override
    public String id() {
        return "imdb";
    }

    @Override
    public String section() {
        return "3.4";
    }

    @Override
    public String title() {
        return "Classifying movie reviews (IMDB)";
    }

    @Override
    public String description() {
        return "Binary sentiment of 25,000 IMDB reviews, multi-hot over the 10,000 most frequent words: "
                + "Dense(16, relu) -> Dense(16, relu) -> Dense(1, sigmoid), RMSprop, binary cross-entropy. "
                + "20 epochs of batch 512 with x_train[:10000] held out, then a fresh model 4 epochs on all "
                + "of train, evaluated on the test set.";
    }

    @Override
    public double expectedSeconds() {
        return 3;
    }

    @Override
    public java.util.Set<dev.nn.datasets.KerasFile> files() {
        return java.util.EnumSet.of(dev.nn.datasets.KerasFile.IMDB, dev.nn.datasets.KerasFile.IMDB_WORD_INDEX);
    }

    @Override
    public List<BookValue> book() {
        return List.of(new BookValue("test_loss", 0.2924, "3.4.5 results"),
                new BookValue("test_accuracy", 0.8836, "3.4.5 results"));
    }

    static Sequential model(RunContext ctx, long seed) {
        Sequential model = Listings.model(ctx, seed, Dense.of(16, RELU), Dense.of(16, RELU), Dense.of(1, SIGMOID));
        model.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
        return model;
    }

    @Override
    public ExperimentResult run(RunContext ctx) throws IOException {
        ExperimentResult.Builder result = ExperimentResult.of(this);
        TextSplit data = ctx.data().imdb();
        MultiHotRows xTrain = ctx.data().imdbMultiHot().train();
        MultiHotRows xTest = ctx.data().imdbMultiHot().test();
        DenseMatrix yTrain = Listings.binaryTargets(data.train().labels());
        DenseMatrix yTest = Listings.binaryTargets(data.test().labels());

        // 3.4.4 Validating your approach, and retraining a model from scratch once per seed (3.4.5)
        RunContext.Both<History, RunContext.Repeated> runs = Listings.imdbTrainings(ctx, ImdbClassification::model,
                xTrain, yTrain, xTest, yTest, id());
        History history = runs.first();
        RunContext.Repeated test = runs.second();

        // 3.4.6 Using a trained model to generate predictions on new data (the first seed's model)
        DenseMatrix predictions = test.first().model().predict(xTest.slice(0, 10));
        StringBuilder p = new StringBuilder("model.predict(x_test)[:10] = [");
        for (int i = 0; i < 10; i++) {
            p.append(String.format(Locale.ROOT, i == 0 ? "%.4f" : ", %.4f", predictions.get(i, 0)));
        }
        return result.metrics(test.means()).repeats(test.repeats()).model(ctx.keep(id(), test.first().model()))
                .curve(Curve.of("20 epochs, validation on x_train[:10000]", history))
                .note(p.append("]").toString())
                .note("x_train[0] decoded: " + truncate(ctx.data().imdbWordIndex().decode(data.train().sequences()[0])))
                .build();
    }

    private static String truncate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + " ...";
    }
}
