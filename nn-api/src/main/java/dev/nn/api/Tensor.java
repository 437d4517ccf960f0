package dev.nn.api;

import dev.nn.api.spi.Backend;

/**
 * A rank-2 float32 array owned by a {@link Backend}. Its storage is the backend's business (a Java
 * array, native memory); read it with {@link #toHost()}.
 *
 * <p>A sparse tensor holds a multi-hot batch (see {@link dev.nn.api.data.MultiHotRows}): its ones
 * are implied by column indices. Sparse tensors are only ever the left operand of
 * {@link Backend#matmul}.
 */
public interface Tensor extends AutoCloseable {

    Shape shape();

    default int rows() {
        return shape().rows();
    }

    default int cols() {
        return shape().cols();
    }

    /** True for a multi-hot batch whose ones are given by column indices. */
    boolean isSparse();

    /** The backend that owns this tensor. */
    Backend backend();

    /** A row-major copy of the values; a sparse tensor is densified. */
    default float[] toHost() {
        return backend().download(this);
    }

    /** Releases native storage; a no-op for heap-backed tensors. Never throws. */
    @Override
    default void close() {
    }
}
