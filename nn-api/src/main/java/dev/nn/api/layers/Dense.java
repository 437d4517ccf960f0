package dev.nn.api.layers;

import dev.nn.api.Tensor;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.FusedLayers;
import dev.nn.api.spi.UnaryOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A densely connected layer, {@code output = activation(input x kernel + bias)}, with Keras's defaults:
 * Glorot-uniform kernel, zero bias. Follows {@code keras/src/layers/core/dense.py}.
 *
 * <p>The input may be a sparse multi-hot tensor; the backend's matmul then gathers kernel rows instead
 * of multiplying zeros, and the kernel gradient is a scatter-add.
 *
 * <pre>{@code
 * Dense hidden = Dense.of(16, Activation.RELU);
 * }</pre>
 */
public final class Dense extends BaseLayer implements ActivatedLayer {

    private final int units;
    private final Activation activation;
    private final boolean useBias;
    private boolean fused;
    private Backend backend;
    private Parameter kernel;
    private Parameter bias;
    private Tensor input;
    private final Buffer output = new Buffer();
    private final Buffer preActivationGrad = new Buffer();
    private final Buffer scratch = new Buffer();
    private final Buffer inputGrad = new Buffer();

    private Dense(int units, Activation activation, boolean useBias) {
        if (units < 1) {
            throw new IllegalArgumentException(
                    "Received an invalid value for units, expected a positive integer. Received: units=" + units);
        }
        this.units = units;
        this.activation = activation;
        this.useBias = useBias;
    }

    public static Dense of(int units, Activation activation) {
        return new Dense(units, activation, true);
    }

    /** A layer without activation, Keras's default. */
    public static Dense of(int units) {
        return new Dense(units, Activation.LINEAR, true);
    }

    /** Keras's {@code Dense(units, activation, use_bias=False)}: no bias parameter. */
    public static Dense withoutBias(int units, Activation activation) {
        return new Dense(units, activation, false);
    }

    @Override
    public String className() {
        return "Dense";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("units", units);
        config.put("activation", activation.kerasName());
        config.put("use_bias", useBias);
        return config;
    }

    @Override
    public FeatureShape build(LayerContext context, FeatureShape input) {
        requireUnbuilt();
        this.backend = context.backend();
        int inputDim = input.width();
        Tensor k = backend.upload(glorotUniform(inputDim, units, context.rng()), inputDim, units);
        kernel = new Parameter(name() + "/kernel", k, backend.zeros(inputDim, units));
        bias = useBias ? new Parameter(name() + "/bias", backend.zeros(1, units), backend.zeros(1, units)) : null;
        return outputShape();
    }

    /** Keras GlorotUniform: {@code U(-limit, limit)}, {@code limit = sqrt(6 / (fanIn + fanOut))}. */
    static float[] glorotUniform(int fanIn, int fanOut, RandomGenerator rng) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] w = new float[Math.multiplyExact(fanIn, fanOut)];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
        }
        return w;
    }

    @Override
    public boolean isBuilt() {
        return kernel != null;
    }

    @Override
    public FeatureShape outputShape() {
        return FeatureShape.of(units);
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public void fuseActivationWithLoss(boolean fused) {
        this.fused = fused;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        requireBuilt();
        input = x;
        Tensor out = output.get(backend, x.rows(), units);
        if (useBias && backend instanceof FusedLayers f) {
            if (activation != Activation.SOFTMAX
                    && f.denseForward(x, kernel.value(), bias.value(), activation.elementWise(), out)) {
                return out;
            }
            if (f.denseForward(x, kernel.value(), bias.value(), out)) {
                activation.forward(backend, out, out);
                return out;
            }
        }
        backend.matmul(x, false, kernel.value(), false, out);
        if (useBias) {
            backend.binary(BinaryOp.ADD, out, bias.value(), out);
        }
        activation.forward(backend, out, out);
        return out;
    }

    @Override
    public Tensor backward(Tensor gradient) {
        return backward(gradient, null);
    }

    @Override
    public Tensor backward(Tensor gradient, Tensor gate) {
        Tensor gz = parameterGradients(gradient);
        Tensor dx = inputGrad.get(backend, input.rows(), input.cols());
        if (gate == null || !(backend instanceof FusedLayers f) || !f.denseInputGradient(gz, kernel.value(), gate, dx)) {
            backend.matmul(gz, false, kernel.value(), true, dx);
        }
        return dx;
    }

    @Override
    public Tensor gradientGate() {
        // the ReLU's gradient (Activation#backward, FusedLayers#denseActivationBackward) is the incoming one where
        // the output is positive, 0 elsewhere; a loss-fused activation is never a ReLU
        return activation == Activation.RELU && !fused && input != null ? output.current() : null;
    }

    @Override
    public void backwardParameters(Tensor gradient) {
        parameterGradients(gradient);
    }

    /** Fills the kernel and bias gradients; returns the gradient with respect to the pre-activation. */
    private Tensor parameterGradients(Tensor gradient) {
        requireBuilt();
        if (input == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        Tensor gz = gradient;
        boolean biasDone = false;
        // a linear activation's gradient is the gradient itself: used as it is, not copied
        if (!fused && activation != Activation.LINEAR) {
            Tensor y = output.get(backend, input.rows(), units);
            gz = preActivationGrad.get(backend, y.rows(), units);
            UnaryOp op = activation.elementWise();
            biasDone = useBias && op != null && backend instanceof FusedLayers f
                    && f.denseActivationBackward(op, y, gradient, gz, bias.gradient());
            if (!biasDone) {
                activation.backward(backend, y, gradient, gz,
                        activation == Activation.SOFTMAX ? scratch.get(backend, y.rows(), units) : null);
            }
        }
        backend.matmul(input, true, gz, false, kernel.gradient());
        if (useBias && !biasDone) {
            backend.sum(gz, 0, bias.gradient());
        }
        return gz;
    }

    @Override
    public List<Parameter> parameters() {
        requireBuilt();
        List<Parameter> ps = new ArrayList<>(2);
        ps.add(kernel);
        if (useBias) {
            ps.add(bias);
        }
        return List.copyOf(ps);
    }

    @Override
    public String toString() {
        return "Dense(" + units + ", " + activation.kerasName() + (useBias ? "" : ", use_bias=False") + ")";
    }
}
