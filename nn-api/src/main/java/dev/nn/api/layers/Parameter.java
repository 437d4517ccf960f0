package dev.nn.api.layers;

import dev.nn.api.Tensor;

/**
 * A trainable weight and the gradient of the loss with respect to it, filled by the owning layer's
 * backward pass and consumed by an optimizer.
 *
 * @param name     Keras-style path, e.g. {@code dense_1/kernel}
 * @param value    the weight tensor, updated in place
 * @param gradient same shape as {@code value}
 */
public record Parameter(String name, Tensor value, Tensor gradient) {

    /**
     * Overwrites the weight with {@code values}, row-major.
     *
     * @throws IllegalArgumentException naming the parameter when the size differs
     */
    public void set(float[] values) {
        if (values.length != value.shape().size()) {
            throw new IllegalArgumentException(name + ": received " + values.length + " values, expected "
                    + value.shape().size() + " for shape " + value.shape());
        }
        try (Tensor t = value.backend().upload(values, value.rows(), value.cols())) {
            value.backend().copy(t, value);
        }
    }
}
