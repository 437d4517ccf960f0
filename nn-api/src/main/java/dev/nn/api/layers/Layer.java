package dev.nn.api.layers;

import dev.nn.api.Tensor;
import dev.nn.api.spi.Backend;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A layer with an explicit forward and backward pass. A layer owns its parameters and the buffers
 * of its activations; {@link dev.nn.api.models.Sequential} drives it.
 */
public interface Layer {

    /**
     * Creates the parameters for inputs of width {@code inputDim}, drawing initial values from {@code rng}
     * on the JVM so that every backend starts from the same weights.
     */
    void build(Backend backend, int inputDim, RandomGenerator rng);

    boolean isBuilt();

    /** Width of the output. */
    int units();

    /** The activation applied last; {@link Activation#LINEAR} for none. */
    Activation activation();

    /**
     * The output for {@code input}. The returned tensor belongs to the layer and is valid until its
     * next forward call; {@code input} is kept for the backward pass.
     */
    Tensor forward(Tensor input);

    /**
     * Back-propagates {@code gradient}: fills every parameter's gradient and returns the gradient with
     * respect to the last input, or {@code null} when {@code inputGradientNeeded} is false (the first layer).
     *
     * @param gradient               gradient of the loss with respect to the output, or with respect to the
     *                               pre-activation when {@code preActivation} is set (a loss fused with the
     *                               activation, such as softmax with cross-entropy)
     * @param preActivation          whether {@code gradient} already includes the activation's derivative
     * @param inputGradientNeeded    whether to compute the input gradient
     */
    Tensor backward(Tensor gradient, boolean preActivation, boolean inputGradientNeeded);

    List<Parameter> parameters();

    /** Keras-style name, e.g. {@code dense_1}. */
    String name();
}
