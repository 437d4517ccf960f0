package dev.nn.api.layers;

import dev.nn.api.Tensor;
import dev.nn.api.spi.Backend;

/**
 * A reusable tensor of a fixed width whose row count follows the batch: reallocated only when the
 * batch size changes (the last, shorter batch of an epoch), closed when replaced.
 */
final class Buffer {

    private Tensor tensor;

    Tensor get(Backend backend, int rows, int cols) {
        if (tensor == null || tensor.rows() != rows || tensor.cols() != cols) {
            if (tensor != null) {
                tensor.close();
            }
            tensor = backend.zeros(rows, cols);
        }
        return tensor;
    }

    /** The tensor last returned by {@link #get}, or null. */
    Tensor current() {
        return tensor;
    }
}
