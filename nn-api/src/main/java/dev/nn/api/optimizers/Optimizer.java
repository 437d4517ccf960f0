package dev.nn.api.optimizers;

import dev.nn.api.layers.Parameter;
import java.util.List;

/** Updates parameters in place from their gradients; keeps per-parameter state (slots) itself. */
public interface Optimizer {

    /** Keras's name, e.g. {@code rmsprop}. */
    String name();

    /** One step over every parameter, after the backward pass filled their gradients. */
    void apply(List<Parameter> parameters);

    /** Steps taken so far. */
    long iterations();

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
