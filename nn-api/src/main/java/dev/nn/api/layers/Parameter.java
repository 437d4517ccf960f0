package dev.nn.api.layers;

import dev.nn.api.Tensor;

/**
 * A trainable weight and the gradient of the loss with respect to it, filled by the owning layer's
 * backward pass and consumed by an optimizer.
 *
 * @param name     Keras-style name, e.g. {@code dense_1/kernel}
 * @param value    the weight tensor, updated in place
 * @param gradient same shape as {@code value}
 */
public record Parameter(String name, Tensor value, Tensor gradient) {
}
