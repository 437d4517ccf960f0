package dev.nn.api.layers;

import dev.nn.api.Tensor;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code Normalization(mean=..., variance=...)} ({@code keras/src/layers/preprocessing/normalization.py})
 * over the last axis: {@code (x - mean) / max(sqrt(variance), 1e-7)}. It carries the training set's statistics
 * inside a saved model, so that the model takes raw features; it has no trainable weights.
 *
 * <pre>{@code
 * Normalization.of(mean, variance)   // numpy's x.mean(axis=0), x.var(axis=0)
 * }</pre>
 */
public final class Normalization extends BaseLayer {

    /** Keras's {@code backend.epsilon()}, the floor of the standard deviation. */
    private static final float EPSILON = 1e-7f;

    private final float[] mean;
    private final float[] variance;
    private Backend backend;
    private Tensor meanRow;
    private Tensor stdRow;
    private final Buffer output = new Buffer();
    private final Buffer inputGrad = new Buffer();

    private Normalization(float[] mean, float[] variance) {
        if (mean.length == 0 || mean.length != variance.length) {
            throw new IllegalArgumentException("Received mean and variance of " + mean.length + " and "
                    + variance.length + " values, expected as many of each, at least one");
        }
        for (float v : variance) {
            if (!(v >= 0) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("Received an invalid variance, expected finite values >= 0. "
                        + "Received: variance=" + v);
            }
        }
        this.mean = mean.clone();
        this.variance = variance.clone();
    }

    /** Standardises each feature with the given mean and (population) variance. */
    public static Normalization of(float[] mean, float[] variance) {
        return new Normalization(mean, variance);
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] variance() {
        return variance.clone();
    }

    @Override
    public String className() {
        return "Normalization";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("axis", -1);
        config.put("mean", mean.clone());
        config.put("variance", variance.clone());
        config.put("invert", false);
        return config;
    }

    @Override
    public FeatureShape build(LayerContext context, FeatureShape input) {
        requireUnbuilt();
        if (input.width() != mean.length) {
            throw new IllegalArgumentException(name() + ": received inputs of shape " + input + ", expected "
                    + mean.length + " features, one per mean");
        }
        backend = context.backend();
        float[] std = new float[variance.length];
        for (int i = 0; i < std.length; i++) {
            std[i] = Math.max((float) Math.sqrt(variance[i]), EPSILON);
        }
        meanRow = backend.upload(mean, 1, mean.length);
        stdRow = backend.upload(std, 1, std.length);
        return input;
    }

    @Override
    public boolean isBuilt() {
        return meanRow != null;
    }

    @Override
    public FeatureShape outputShape() {
        requireBuilt();
        return FeatureShape.of(mean.length);
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        requireBuilt();
        Tensor out = output.get(backend, x.rows(), x.cols());
        backend.binary(BinaryOp.SUB, x, meanRow, out);
        backend.binary(BinaryOp.DIV, out, stdRow, out);
        return out;
    }

    /** {@code dL/dx = dL/dy / std}. */
    @Override
    public Tensor backward(Tensor gradient) {
        requireBuilt();
        Tensor dx = inputGrad.get(backend, gradient.rows(), gradient.cols());
        backend.binary(BinaryOp.DIV, gradient, stdRow, dx);
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String toString() {
        return "Normalization(" + mean.length + " features)";
    }
}
