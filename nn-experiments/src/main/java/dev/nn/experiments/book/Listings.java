package dev.nn.experiments.book;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Layer;
import dev.nn.api.models.Sequential;
import dev.nn.api.training.History;
import dev.nn.api.training.ValidationData;
import dev.nn.experiments.RunContext;
import dev.nn.experiments.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Small helpers the listings share. */
final class Listings {

    private Listings() {
    }

    static Sequential model(RunContext ctx, Layer... layers) {
        return model(ctx, ctx.seed(), layers);
    }

    static Sequential model(RunContext ctx, long seed, Layer... layers) {
        return new Sequential(ctx.backend(), seed, layers);
    }

    /** {@code np.asarray(labels).astype("float32")} as an {@code (n, 1)} column. */
    static DenseMatrix binaryTargets(int[] labels) {
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        return DenseMatrix.column(y);
    }

    /** Dense layers of {@code units} with {@code hidden} activation, then {@code output}. */
    static Layer[] stack(dev.nn.api.layers.Activation hidden, int[] units, Layer output) {
        List<Layer> layers = new ArrayList<>();
        for (int u : units) {
            layers.add(Dense.of(u, hidden));
        }
        layers.add(output);
        return layers.toArray(Layer[]::new);
    }

    /**
     * The trainings of an IMDB model: 3.4.4's validation run ({@code model} trained 20 epochs of batch 512 on
     * {@code x_train[10000:]} with {@code x_train[:10000]} as the validation data) and, once per seed, a fresh
     * model trained 4 epochs on all of train and scored on the test set (3.4.5). They are independent, so they
     * run side by side where the context has lanes ({@link RunContext#both}): the validation run on one, the
     * seeds one after another on the other.
     */
    static RunContext.Both<History, RunContext.Repeated> imdbTrainings(RunContext ctx,
            BiFunction<RunContext, Long, Sequential> model, MultiHotRows xTrain, DenseMatrix yTrain, MultiHotRows xTest,
            DenseMatrix yTest, String id) {
        return ctx.both(lane -> model.apply(lane, lane.seed()).fit(xTrain.slice(10_000, 25_000),
                        yTrain.slice(10_000, 25_000), lane.epochs(20), 512,
                        ValidationData.of(xTrain.slice(0, 10_000), yTrain.slice(0, 10_000)),
                        lane.progress(id + ": 20 epochs, validation on x_train[:10000]")),
                lane -> lane.repeat((c, seed) -> {
                    Sequential m = model.apply(c, seed);
                    History h = m.fit(xTrain, yTrain, c.epochs(4), 512, c.progress(c.seedLabel(
                            id + ": 4 epochs on all of train", seed)));
                    return new Trial(seed, m, h, prefixed("test_", m.evaluate(xTest, yTest)));
                }));
    }

    /** {@code evaluate} results renamed with a prefix: {@code loss} becomes {@code test_loss}. */
    static Map<String, Double> prefixed(String prefix, Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

}
