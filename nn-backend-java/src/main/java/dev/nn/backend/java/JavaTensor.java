package dev.nn.backend.java;

import dev.nn.api.Shape;
import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.spi.Backend;

/**
 * A tensor on the Java heap: a row-major float array, or a reference to multi-hot rows. A kernel gradient
 * of a multi-hot input (or of a batch of one) may be held row-sparse and a velocity may hold deferred decays ({@link RowSparse});
 * {@link JavaBackend} settles both into the plain array before any other kernel reads it.
 */
final class JavaTensor implements Tensor {

    final float[] data;
    final MultiHotRows sparse;

    /** When not null, only these rows (sorted, {@link #rowCount} of them) may be nonzero, packed from data[0]. */
    int[] rowIds;
    int rowCount;
    /**
     * Scratch of the row-sparse product ({@code MatMul.sparseT}): the rows named; a counter, then a cursor, per row
     * and block of the sort; where each packed row's sources start; the sources (rows of the multi-hot input),
     * grouped by packed row; the rows named, as bit sets.
     */
    int[] rowIdBuffer;
    int[] sortCursors;
    int[] sourceStarts;
    int[] sortSources;
    long[] rowsNamed;
    /**
     * Scratch of the scattered row-sparse product ({@code MatMul.scatterT}): 1 for each row named (0 between calls);
     * each row's packed position.
     */
    byte[] rowMarks;
    int[] rowSlots;

    /** Deferred velocity decays: row r still owes {@code lazySteps - rowSteps[r]} multiplications by lazyRho. */
    int[] rowSteps;
    int lazySteps;
    float lazyRho;
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
