package dev.nn.api.spi;

import dev.nn.api.Tensor;

/**
 * Optional fused layer kernels a {@link Backend} may implement, for backends whose cost is per kernel call
 * rather than per element (ND4J: a few microseconds a call, which at batch size 1 is most of a step). A layer
 * writes its computation once over the primitive kernels; where the backend implements this interface and a
 * method returns {@code true}, the backend did that part in one call instead. The conformance suite holds both
 * paths to the same values. Each method returns {@code false}, and touches nothing, when the backend has no
 * fused kernel for those operands.
 */
public interface FusedLayers {

    /**
     * A dense layer's affine part, {@code out = x · kernel + bias}: {@code x} is {@code (n, k)}, {@code kernel}
     * {@code (k, m)}, {@code bias} {@code (1, m)} added to every row, {@code out} {@code (n, m)}.
     */
    default boolean denseForward(Tensor x, Tensor kernel, Tensor bias, Tensor out) {
        return false;
    }

    /**
     * A dense layer's forward pass with its element-wise activation, {@code out = f(x · kernel + bias)}, for
     * backends whose cost is per element moved (java: a 512 x 4096 output written, then read and rewritten twice
     * for the bias and the activation, from beyond the caches): shapes as in {@link #denseForward(Tensor, Tensor,
     * Tensor, Tensor)}, {@code activation} one of {@link UnaryOp#RELU}, {@link UnaryOp#SIGMOID} and
     * {@link UnaryOp#TANH}, or null for none. {@code x} may be multi-hot.
     */
    default boolean denseForward(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, Tensor out) {
        return false;
    }

    /**
     * A dense layer's backward pass through its activation and bias: {@code gradZ} is
     * {@link Backend#activationGradient} of {@code y} and {@code gradY}, and {@code biasGradient} ({@code (1, m)})
     * its sum over the rows, as {@link Backend#sum} sums it along axis 0.
     */
    default boolean denseActivationBackward(UnaryOp activation, Tensor y, Tensor gradY, Tensor gradZ,
            Tensor biasGradient) {
        return false;
    }

    /**
     * A dense layer's input gradient where the layer below gates it, {@code dx = gradZ · kernel^T} where
     * {@code gate} is positive and 0 elsewhere: {@code gradZ} is {@code (n, m)}, {@code kernel} {@code (k, m)},
     * {@code gate} and {@code dx} {@code (n, k)}. The layer below is a ReLU whose output is {@code gate}; its gradient
     * takes {@code dx} where its output is positive and 0 elsewhere, so it gets the same values as from the whole
     * product (a NaN in the skipped entries included: the ReLU's gradient never reads them), provided the backend's
     * ReLU gradient selects rather than multiplies by the mask; a backend that implements this must make it so. For
     * backends where each entry costs on its own (java at batch size 1: a dot product of a row of the kernel, of
     * which a ReLU layer leaves about half unread).
     */
    default boolean denseInputGradient(Tensor gradZ, Tensor kernel, Tensor gate, Tensor dx) {
        return false;
    }
}
