package dev.nn.backend.java;

import dev.nn.api.Shape;
import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.spi.Backend;

/** A tensor on the Java heap: a row-major float array, or a reference to multi-hot rows. */
final class JavaTensor implements Tensor {

    final float[] data;
    final MultiHotRows sparse;
    private final Shape shape;
    private final JavaBackend backend;

    JavaTensor(JavaBackend backend, float[] data, int rows, int cols) {
        this.backend = backend;
        this.data = data;
        this.sparse = null;
        this.shape = Shape.of(rows, cols);
    }

    JavaTensor(JavaBackend backend, MultiHotRows sparse) {
        this.backend = backend;
        this.data = null;
        this.sparse = sparse;
        this.shape = Shape.of(sparse.rows(), sparse.cols());
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public boolean isSparse() {
        return sparse != null;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public String toString() {
        return "JavaTensor" + shape + (isSparse() ? " sparse" : "");
    }
}
