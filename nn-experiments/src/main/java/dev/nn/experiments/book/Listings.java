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

    /** {@code evaluate} results renamed with a prefix: {@code loss} becomes {@code test_loss}. */
    static Map<String, Double> prefixed(String prefix, Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

}
