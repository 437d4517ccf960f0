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

    /**
     * Writes into {@code grad} the gradient of the batch mean loss with respect to {@code pred}, or, when
     * {@code preActivation} is set, with respect to the output layer's pre-activation (allowed only
     * where {@link #fusesWith} says so).
     */
    void gradient(float[] pred, Targets targets, float[] grad, boolean preActivation);

    /**
     * Whether this loss has a closed-form gradient through {@code activation}: sigmoid with binary
     * cross-entropy and softmax with categorical cross-entropy give {@code (p - y) / n}. Keras's
     * TensorFlow backend takes the same path (it computes these losses from the logits), which keeps
     * the gradient alive where a probability saturates.
     */
    default boolean fusesWith(Activation activation) {
        return false;
    }

    /** Checks that {@code pred} has one value per target cell. */
    static int checkBatch(String loss, float[] pred, Targets targets) {
        long expected = (long) targets.rows() * targets.width();
        if (pred.length != expected) {
            throw new IllegalArgumentException(loss + ": received " + pred.length + " predictions for targets of shape ("
                    + targets.rows() + ", " + targets.width() + ")");
        }
        return targets.width();
    }
}
