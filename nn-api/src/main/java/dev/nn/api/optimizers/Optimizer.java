package dev.nn.api.optimizers;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters in place from their gradients, as Keras's {@code Optimizer}: each implementation writes
 * its rule once ({@code update_step}) over the backend's primitive kernels, and keeps its per-parameter state
 * in named slots so that the state can be saved and restored.
 */
public interface Optimizer {

    /** Keras's name, e.g. {@code rmsprop}. */
    String name();

    /** One step over every parameter, after the backward pass filled their gradients. */
    void apply(List<Parameter> parameters);

    /** Steps taken so far (Keras's {@code iterations}). */
    long iterations();

    /** Sets the step count, when state is restored. */
    void setIterations(long iterations);

    float learningRate();

    /** The hyper-parameters under Keras's {@code get_config()} keys, e.g. {@code learning_rate}, {@code rho}. */
    Map<String, Object> config();

    /**
     * The names of the per-parameter state variables in Keras's order (RMSprop {@code velocity}; Adam
     * {@code momentum}, {@code velocity}; SGD none).
     */
    List<String> slotNames();

    /** The state variable {@code slot} of {@code parameter}, zeros of its shape until the first step. */
    Tensor slot(String slot, Parameter parameter);

    /** Checks a positive, finite hyper-parameter. */
    static float positive(String name, float value) {
        if (!(value > 0) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("Received an invalid value for " + name
                    + ", expected a positive finite number. Received: " + name + "=" + value);
        }
        return value;
    }

    /** Checks a decay rate in {@code [0, 1)}. */
    static float rate(String name, float value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("Received an invalid value for " + name
                    + ", expected a number in [0, 1). Received: " + name + "=" + value);
        }
        return value;
    }
}
