package dev.nn.experiments.book;

import static dev.nn.api.layers.Activation.RELU;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Normalization;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.training.History;
import dev.nn.api.training.ValidationData;
import dev.nn.datasets.BostonHousing;
import dev.nn.datasets.Preprocessing;
import dev.nn.experiments.BookValue;
import dev.nn.experiments.Experiment;
import dev.nn.experiments.RunContext;
import dev.nn.experiments.Trial;
import dev.nn.experiments.results.Curve;
import dev.nn.experiments.results.ExperimentResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Section 3.6, predicting house prices: standardised features, Dense(64, relu) x 2 and Dense(1), RMSprop,
 * MSE with MAE. 4-fold validation at 100 epochs of batch 1; again at 500 epochs recording each fold's
 * validation MAE per epoch, averaged and smoothed as the book plots it; then a final model of 80 epochs
 * of batch 16 on all training data, evaluated on the test set.
 */
public final class BostonRegression implements Experiment {

    /** The book's number of folds. */
    public static final int K = 4;

    @Override
    public String id() {
        return "boston";
    }

    @Override
    public String section() {
        return "3.6";
    }

    @Override
    public String title() {
        return "Predicting house prices (Boston Housing, K-fold)";
    }

    @Override
    public String description() {
        return "Median price of 506 Boston suburbs from 13 standardised features: Dense(64, relu) -> Dense(64, relu) "
                + "-> Dense(1), RMSprop, MSE, MAE. 4-fold validation at 100 epochs of batch 1; 500 epochs per fold "
                + "for the per-epoch validation MAE curve (smoothed: first 10 points dropped, moving average 0.9); "
                + "a final model of 80 epochs of batch 16 on all training data, evaluated on the test set.";
    }

    @Override
    public double expectedSeconds() {
        return 4.5;
    }

    @Override
    public java.util.Set<dev.nn.datasets.KerasFile> files() {
        return java.util.EnumSet.of(dev.nn.datasets.KerasFile.BOSTON_HOUSING);
    }

    @Override
    public List<BookValue> book() {
        return List.of(new BookValue("kfold_mean_val_mae", 2.40, "3.6.4, 100 epochs"),
                new BookValue("test_mse", 17.43, "3.6.4 final model"), new BookValue("test_mae", 2.61,
                        "3.6.4 final model"));
    }

    static Sequential model(RunContext ctx, long seed) {
        Sequential model = new Sequential(ctx.backend(), seed, Dense.of(64, RELU), Dense.of(64, RELU), Dense.of(1));
        model.compile(RmsProp.defaults(), Losses.meanSquaredError(), Metric.meanAbsoluteError());
        return model;
    }

    @Override
    public ExperimentResult run(RunContext ctx) throws IOException {
        ExperimentResult.Builder result = ExperimentResult.of(this);
        BostonHousing.Data data = ctx.data().boston();
        Preprocessing.Standardized x = Preprocessing.standardize(data.train().x(), data.test().x());
        DenseMatrix y = data.train().targets();
        List<Preprocessing.Fold> folds = Preprocessing.kFold(x.train().rows(), K).subList(0, ctx.folds(K));

        // Listing 3.28: K-fold validation, 100 epochs. The folds are independent trainings whose batches of one
        // are too small to split across threads, so they run side by side, one per thread (same results)
        List<Double> scores = ctx.concurrently(folds.stream().<java.util.function.Function<RunContext, Double>>map(
                fold -> c -> {
                    Sequential model = model(c, c.seed() + fold.index());
                    model.fit(rows(x.train(), fold.trainRows()), rows(y, fold.trainRows()), c.epochs(100), 1,
                            c.progress("boston: fold " + (fold.index() + 1) + ", " + c.epochs(100) + " epochs"));
                    return model.evaluate(rows(x.train(), fold.validationRows()), rows(y, fold.validationRows()), 1)
                            .get("mae");
                }).toList());

        // Listing 3.29: 500 epochs, saving the validation MAE per epoch
        int longEpochs = ctx.epochs(500);
        double[] average = new double[longEpochs];
        List<Curve> foldCurves = new ArrayList<>();
        List<History> histories = ctx.concurrently(folds.stream().<java.util.function.Function<RunContext, History>>map(
                fold -> c -> model(c, c.seed() + fold.index()).fit(rows(x.train(), fold.trainRows()),
                        rows(y, fold.trainRows()), longEpochs, 1,
                        ValidationData.of(rows(x.train(), fold.validationRows()), rows(y, fold.validationRows())),
                        c.progress("boston: fold " + (fold.index() + 1) + ", " + longEpochs + " epochs with validation")))
                .toList());
        for (Preprocessing.Fold fold : folds) {
            List<Double> valMae = histories.get(fold.index()).get("val_mae");
            foldCurves.add(new Curve("fold " + (fold.index() + 1) + ", validation MAE per epoch",
                    Map.of("val_mae_fold", valMae)));
            for (int e = 0; e < longEpochs; e++) {
                average[e] += valMae.get(e) / folds.size();
            }
        }
        List<Double> smoothed = smooth(average, 10, 0.9);

        // Listing 3.32: the final model, once per seed
        RunContext.Repeated test = ctx.repeat((c, seed) -> {
            Sequential model = model(c, seed);
            History h = model.fit(x.train(), y, c.epochs(80), 16, c.progress(c.seedLabel(
                    "boston: final model, 80 epochs of batch 16", seed)));
            Map<String, Double> m = model.evaluate(x.test(), data.test().targets());
            Map<String, Double> named = new LinkedHashMap<>();
            named.put("test_mse", m.get("loss"));
            named.put("test_mae", m.get("mae"));
            return new Trial(seed, model, h, named);
        });

        return result.metric("kfold_mean_val_mae", scores.stream().mapToDouble(Double::doubleValue).average()
                        .orElseThrow())
                .metric("best_epoch_500", argmin(average) + 1)
                .metrics(test.means()).repeats(test.repeats())
                .model(ctx.keep(id(), withStandardization(test.first().model(), x)))
                .curve(new Curve("average validation MAE per epoch over " + folds.size() + " folds",
                        Map.of("val_mae", boxed(average))))
                .curve(new Curve("smoothed (first 10 dropped, EMA 0.9)", Map.of("val_mae_smoothed", smoothed)))
                .curves(foldCurves)
                .note("per-fold validation MAE at " + ctx.epochs(100) + " epochs: " + scores.stream()
                        .map(v -> String.format(Locale.ROOT, "%.3f", v)).toList())
                .build();
    }

    /**
     * The trained model behind a Keras {@code Normalization} layer that holds the training set's mean and
     * variance, so that the saved file predicts prices from raw features; weights and optimizer state are the
     * trained model's.
     */
    static Sequential withStandardization(Sequential trained, Preprocessing.Standardized x) {
        float[] mean = new float[x.mean().length];
        float[] variance = new float[mean.length];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = (float) x.mean()[j];
            variance[j] = (float) (x.std()[j] * x.std()[j]);
        }
        Sequential m = new Sequential(trained.backend(), 0, Normalization.of(mean, variance), Dense.of(64, RELU),
                Dense.of(64, RELU), Dense.of(1)).build(mean.length);
        m.compile(RmsProp.defaults(), Losses.meanSquaredError(), Metric.meanAbsoluteError());
        for (int i = 0; i < trained.layers().size(); i++) {
            m.layers().get(i + 1).setWeights(trained.layers().get(i).weights());
        }
        m.optimizer().setIterations(trained.optimizer().iterations());
        for (int i = 0; i < trained.parameters().size(); i++) {
            dev.nn.api.Tensor from = trained.optimizer().slot("velocity", trained.parameters().get(i));
            m.backend().copy(from, m.optimizer().slot("velocity", m.parameters().get(i)));
        }
        return m;
    }

    /** The book's {@code smooth_curve(points[skip:], factor)}: an exponential moving average. */
    static List<Double> smooth(double[] points, int skip, double factor) {
        List<Double> out = new ArrayList<>();
        for (int i = Math.min(skip, points.length); i < points.length; i++) {
            out.add(out.isEmpty() ? points[i] : out.get(out.size() - 1) * factor + points[i] * (1 - factor));
        }
        return out;
    }

    private static int argmin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] < v[best] ? i : best;
        }
        return best;
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    private static DenseMatrix rows(DenseMatrix m, int[] rows) {
        return m.gather(rows, 0, rows.length);
    }
}
