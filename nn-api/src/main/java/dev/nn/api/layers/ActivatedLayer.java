package dev.nn.api.layers;

/**
 * A layer whose output is an {@link Activation} of a pre-activation, such as {@link Dense}. When the model's
 * loss has a closed-form gradient through that activation (sigmoid with binary cross-entropy, softmax with
 * categorical cross-entropy), the model decides once, at {@code compile}, that the gradient it passes to this
 * layer is already taken with respect to the pre-activation.
 */
public interface ActivatedLayer extends Layer {

    Activation activation();

    /**
     * With {@code fused} set, {@link #backward} takes the gradient with respect to the pre-activation and
     * skips the activation's derivative. Set by the model at compile.
     */
    void fuseActivationWithLoss(boolean fused);
}
