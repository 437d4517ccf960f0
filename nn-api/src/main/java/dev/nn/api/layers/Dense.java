package dev.nn.api.layers;

import dev.nn.api.Tensor;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
public final class Dense implements Layer {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final int units;
    private final Activation activation;
    private final String name;
    private Backend backend;
    private Parameter kernel;
    private Parameter bias;
    private Tensor input;
    private final Buffer output = new Buffer();
    private final Buffer preActivationGrad = new Buffer();
    private final Buffer scratch = new Buffer();
    private final Buffer inputGrad = new Buffer();

    private Dense(int units, Activation activation) {
        if (units < 1) {
            throw new IllegalArgumentException(
                    "Received an invalid value for units, expected a positive integer. Received: units=" + units);
        }
        this.units = units;
        this.activation = activation;
        int n = COUNTER.incrementAndGet();
        this.name = n == 1 ? "dense" : "dense_" + (n - 1);
    }

    public static Dense of(int units, Activation activation) {
        return new Dense(units, activation);
    }

    /** A layer without activation, Keras's default. */
    public static Dense of(int units) {
        return new Dense(units, Activation.LINEAR);
    }

    @Override
    public void build(Backend backend, int inputDim, RandomGenerator rng) {
        if (isBuilt()) {
            throw new IllegalStateException(name + " is already built");
        }
        this.backend = backend;
        kernel = new Parameter(name + "/kernel", backend.upload(glorotUniform(inputDim, units, rng), inputDim, units),
                backend.zeros(inputDim, units));
        bias = new Parameter(name + "/bias", backend.zeros(1, units), backend.zeros(1, units));
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
    public int units() {
        return units;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public String name() {
        return name;
    }

    /** The {@code (inputDim, units)} kernel. */
    public Parameter kernel() {
        requireBuilt();
        return kernel;
    }

    /** The {@code (1, units)} bias. */
    public Parameter bias() {
        requireBuilt();
        return bias;
    }

    @Override
    public Tensor forward(Tensor x) {
        requireBuilt();
        input = x;
        Tensor out = output.get(backend, x.rows(), units);
        backend.matmul(x, false, kernel.value(), false, out);
        backend.binary(BinaryOp.ADD, out, bias.value(), out);
        activation.forward(backend, out, out);
        return out;
    }

    @Override
    public Tensor backward(Tensor gradient, boolean preActivation, boolean inputGradientNeeded) {
        requireBuilt();
        if (input == null) {
            throw new IllegalStateException(name + ": backward called before forward");
        }
        Tensor y = output.get(backend, input.rows(), units);
        Tensor gz = gradient;
        if (!preActivation) {
            gz = preActivationGrad.get(backend, y.rows(), units);
            activation.backward(backend, y, gradient, gz,
                    activation == Activation.SOFTMAX ? scratch.get(backend, y.rows(), units) : null);
        }
        backend.matmul(input, true, gz, false, kernel.gradient());
        backend.sum(gz, 0, bias.gradient());
        if (!inputGradientNeeded) {
            return null;
        }
        Tensor dx = inputGrad.get(backend, input.rows(), input.cols());
        backend.matmul(gz, false, kernel.value(), true, dx);
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        requireBuilt();
        return List.of(kernel, bias);
    }

    private void requireBuilt() {
        if (!isBuilt()) {
            throw new IllegalStateException(name + " is not built: add it to a Sequential model and call build or fit");
        }
    }

    @Override
    public String toString() {
        return "Dense(" + units + ", " + activation.kerasName() + ")";
    }
}
