package dev.nn.experiments.book;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Layer;
import dev.nn.api.models.Sequential;
import dev.nn.experiments.RunContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * 3.4.4, validating your approach: {@code model} trained 20 epochs of batch 512 on {@code x_train[10000:]}
     * with {@code x_train[:10000]} as the validation data.
     */
    static dev.nn.api.training.History imdbValidationRun(RunContext ctx, Sequential model,
            dev.nn.api.data.MultiHotRows xTrain, DenseMatrix yTrain, String label) {
        return model.fit(xTrain.slice(10_000, 25_000), yTrain.slice(10_000, 25_000), ctx.epochs(20), 512,
                dev.nn.api.training.ValidationData.of(xTrain.slice(0, 10_000), yTrain.slice(0, 10_000)),
                ctx.progress(label + ": 20 epochs, validation on x_train[:10000]"));
    }

    /** {@code evaluate} results renamed with a prefix: {@code loss} becomes {@code test_loss}. */
    static Map<String, Double> prefixed(String prefix, Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

}
