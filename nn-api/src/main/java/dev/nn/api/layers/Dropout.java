package dev.nn.api.layers;

import dev.nn.api.Tensor;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras's {@code Dropout(rate)} ({@code keras/src/layers/regularization/dropout.py}): while training, each
 * input is set to 0 with probability {@code rate} and the others are scaled by {@code 1 / (1 - rate)}
 * (inverted dropout), so that inference is the identity. The masks are drawn on the JVM from the model's
 * seeded generator, so a seed gives the same run on every backend.
 *
 * <pre>{@code
 * new Sequential(backend, 42, Dense.of(16, RELU), Dropout.of(0.5), Dense.of(1, SIGMOID));
 * }</pre>
 */
public final class Dropout extends BaseLayer {

    private final double rate;
    private Backend backend;
    private RandomGenerator rng;
    private FeatureShape shape;
    private boolean masked;
    private final Buffer mask = new Buffer();
    private final Buffer output = new Buffer();
    private final Buffer inputGrad = new Buffer();

    private Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Received an invalid value for rate, expected a number in [0, 1). "
                    + "Received: rate=" + rate);
        }
        this.rate = rate;
    }

    /** Drops each input with probability {@code rate}, {@code 0 <= rate < 1}. */
    public static Dropout of(double rate) {
        return new Dropout(rate);
    }

    public double rate() {
        return rate;
    }

    @Override
    public String className() {
        return "Dropout";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("rate", rate);
        return config;
    }

    @Override
    public FeatureShape build(LayerContext context, FeatureShape input) {
        requireUnbuilt();
        backend = context.backend();
        rng = context.rng();
        shape = input;
        return input;
    }

    @Override
    public boolean isBuilt() {
        return shape != null;
    }

    @Override
    public FeatureShape outputShape() {
        requireBuilt();
        return shape;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        requireBuilt();
        masked = training && rate > 0;
        if (!masked) {
            return x;
        }
        float keep = (float) (1 - rate);
        float[] m = new float[Math.multiplyExact(x.rows(), x.cols())];
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble() < keep ? 1 / keep : 0;
        }
        Tensor mt = mask.get(backend, x.rows(), x.cols());
        try (Tensor drawn = backend.upload(m, x.rows(), x.cols())) {
            backend.copy(drawn, mt);
        }
        Tensor out = output.get(backend, x.rows(), x.cols());
        backend.binary(BinaryOp.MUL, x, mt, out);
        return out;
    }

    /** {@code dL/dx = dL/dy * mask / (1 - rate)} after a training forward; the identity after inference. */
    @Override
    public Tensor backward(Tensor gradient) {
        requireBuilt();
        if (!masked) {
            return gradient;
        }
        Tensor dx = inputGrad.get(backend, gradient.rows(), gradient.cols());
        backend.binary(BinaryOp.MUL, gradient, mask.get(backend, gradient.rows(), gradient.cols()), dx);
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String toString() {
        return "Dropout(" + rate + ")";
    }
}
