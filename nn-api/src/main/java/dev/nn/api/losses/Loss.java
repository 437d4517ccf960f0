package dev.nn.api.losses;

import dev.nn.api.data.Targets;
import dev.nn.api.layers.Activation;

/**
 * A loss over one batch: the model output {@code pred} ({@code rows x width}, row-major) against the
 * batch's targets. Keras reduces per sample (mean over the last axis) and then averages over the
 * batch ("sum_over_batch_size"); this interface returns the per-sample sum so that epoch means
 * weighted by batch size come out exact.
 */
public interface Loss {

    /** Keras's name, e.g. {@code binary_crossentropy}. */
    String name();

    /** Sum over the batch of the per-sample losses. */
    double sum(float[] pred, Targets targets);

    /** Writes into {@code grad} the gradient of the batch mean loss with respect to {@code pred}. */
    void gradient(float[] pred, Targets targets, float[] grad);

    /**
     * Whether this loss has a closed-form gradient through {@code activation}: sigmoid with binary
     * cross-entropy and softmax with categorical cross-entropy give {@code (p - y) / n}. Keras's
     * TensorFlow backend takes the same path (it computes these losses from the logits), which keeps
     * the gradient alive where a probability saturates. The model asks once, at {@code compile}.
     */
    default boolean fusesWith(Activation activation) {
        return false;
    }

    /**
     * Writes into {@code grad} the gradient of the batch mean loss with respect to the output layer's
     * pre-activation, for an activation {@link #fusesWith} accepts.
     *
     * @throws UnsupportedOperationException for a loss that fuses with no activation
     */
    default void preActivationGradient(float[] pred, Targets targets, float[] grad) {
        throw new UnsupportedOperationException(name() + " has no fused pre-activation gradient");
    }
}
