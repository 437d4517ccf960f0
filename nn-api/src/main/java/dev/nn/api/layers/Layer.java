package dev.nn.api.layers;

import dev.nn.api.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A layer with an explicit forward and backward pass, after Keras's {@code Layer}: built from the shape
 * of its input ({@code build(input_shape)}), told whether it is training ({@code call(x, training=...)}),
 * with its config and weights in and out ({@code get_config()}, {@code get_weights()}). A layer owns
 * its parameters and the buffers of its activations; {@link dev.nn.api.models.Sequential} drives it.
 */
public interface Layer {

    /** Keras's class name, e.g. {@code Dense}; also what a saved model records. */
    String className();

    /**
     * Keras-style name, e.g. {@code dense_1}: the one given with {@link #named}, or the one its model assigned
     * (per model, as Keras does); before either, the snake-case class name.
     */
    String name();

    /** Gives the layer a name; a model keeps names given this way and numbers only unnamed layers. */
    Layer named(String name);

    /** Whether {@link #named} was called. */
    boolean isNamed();

    /**
     * The settings of the layer under Keras's {@code get_config()} keys (for {@code Dense}: {@code units},
     * {@code activation}, {@code use_bias}); values are strings, numbers and booleans.
     */
    Map<String, Object> config();

    /**
     * Creates the parameters for samples of {@code input} shape and returns the output shape.
     *
     * @throws IllegalStateException if the layer is already built
     */
    FeatureShape build(LayerContext context, FeatureShape input);

    boolean isBuilt();

    /** The shape of one output sample; the layer must be built. */
    FeatureShape outputShape();

    /**
     * The output for {@code input}. The returned tensor belongs to the layer (or is {@code input} itself)
     * and is valid until its next forward call; {@code input} is kept for the backward pass.
     *
     * @param training whether this is a training step (dropout drops only then)
     */
    Tensor forward(Tensor input, boolean training);

    /**
     * Back-propagates {@code gradient}, the loss's gradient with respect to the last output: fills every
     * parameter's gradient and returns the gradient with respect to the last input (owned by the layer).
     */
    Tensor backward(Tensor gradient);

    /**
     * As {@link #backward(Tensor)}, under the layer below whose {@link #gradientGate()} is {@code gate} (or null):
     * the returned input gradient may be 0 where {@code gate} is not positive, since the layer below reads it only
     * where it is.
     */
    default Tensor backward(Tensor gradient, Tensor gate) {
        return backward(gradient);
    }

    /**
     * The output of the last forward pass when this layer's gradient passes only where that output is positive (a
     * ReLU activation: its gradient is the incoming one there and 0 elsewhere, whatever the incoming one is), so
     * that the layer above need not compute its input gradient elsewhere; null otherwise.
     */
    default Tensor gradientGate() {
        return null;
    }

    /**
     * As {@link #backward} for the first layer of a model, whose input gradient nobody reads: fills the
     * parameters' gradients and may skip the input gradient (for a sparse input it would be a dense
     * batch x 10,000 product).
     */
    default void backwardParameters(Tensor gradient) {
        backward(gradient);
    }

    /** The trainable weights with their gradients, in Keras's order (for Dense: kernel, bias). */
    List<Parameter> parameters();

    /** Copies of the weights, in the order of {@link #parameters()}, as Keras's {@code get_weights()}. */
    default List<float[]> weights() {
        return parameters().stream().map(p -> p.value().toHost()).toList();
    }

    /**
     * Replaces the weights, as Keras's {@code set_weights()}: one array per parameter, in order, each of its
     * parameter's size.
     *
     * @throws IllegalArgumentException naming the layer and the parameter when a count or size differs
     */
    default void setWeights(List<float[]> values) {
        List<Parameter> ps = parameters();
        if (values.size() != ps.size()) {
            throw new IllegalArgumentException(name() + ": received " + values.size() + " weight arrays, expected "
                    + ps.size());
        }
        for (int i = 0; i < ps.size(); i++) {
            ps.get(i).set(values.get(i));
        }
    }
}
