package dev.nn.api.spi;

import dev.nn.api.Tensor;
import java.util.List;

/**
 * Optional fused optimizer kernels a {@link Backend} may implement. Each optimizer writes its update
 * rule once over the primitive kernels ({@code dev.nn.api.optimizers}); where the backend implements this
 * interface and a method returns {@code true}, the step was done by the backend instead. The conformance
 * suite holds both paths to the same Keras values. Every method updates its tensors in place and returns
 * {@code false} when the backend has no fused kernel for that rule.
 */
public interface FusedUpdates {

    /** RMSprop, Keras 3: {@code v = rho * v + (1 - rho) * g^2; w -= lr * g / sqrt(v + epsilon)}. */
    default boolean rmsProp(Tensor w, Tensor g, Tensor v, float learningRate, float rho, float epsilon) {
        return false;
    }

    /**
     * RMSprop over all of a model's parameters at once, as {@link #rmsProp(Tensor, Tensor, Tensor, float, float,
     * float)} on each {@code (w[i], g[i], v[i])}; a backend whose cost is per kernel call rather than per
     * element (ND4J: tens of microseconds a call) can do it in one pass. Either every parameter is updated and
     * {@code true} returned, or none is and {@code false}.
     */
    default boolean rmsProp(List<Tensor> w, List<Tensor> g, List<Tensor> v, float learningRate, float rho,
            float epsilon) {
        return false;
    }

    /**
     * Adam, Keras 3, with the bias-corrected rate {@code alpha} computed by the optimizer:
     * {@code m += (g - m) * (1 - beta1); v += (g^2 - v) * (1 - beta2); w -= alpha * m / (sqrt(v) + epsilon)}.
     */
    default boolean adam(Tensor w, Tensor g, Tensor m, Tensor v, float alpha, float beta1, float beta2,
            float epsilon) {
        return false;
    }

    /** Plain SGD: {@code w -= lr * g}. */
    default boolean sgd(Tensor w, Tensor g, float learningRate) {
        return false;
    }
}
