package dev.nn.backend.nd4j;

import dev.nn.api.Shape;
import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.spi.Backend;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float32 c-order INDArray, or a multi-hot batch that is densified on first use (one batch of
 * 512 x 10,000 floats is 20 MB; a whole data set never is). {@link #close()} frees the native memory.
 */
final class Nd4jTensor implements Tensor {

    private final Nd4jBackend backend;
    private final Shape shape;
    private final MultiHotRows sparse;
    private INDArray array;
    /** The pack whose flat arrays hold this tensor's values, once {@link ParameterPack} moved it there. */
    private ParameterPack pack;

    /** Whether {@link #close()} hands the array back to the backend's pool instead of freeing it. */
    private final boolean pooled;

    Nd4jTensor(Nd4jBackend backend, INDArray array) {
        this(backend, array, false);
    }

    Nd4jTensor(Nd4jBackend backend, INDArray array, boolean pooled) {
        this.backend = backend;
        this.array = array;
        this.pooled = pooled;
        this.sparse = null;
        this.shape = Shape.of((int) array.rows(), (int) array.columns());
    }

    Nd4jTensor(Nd4jBackend backend, MultiHotRows sparse) {
        this.backend = backend;
        this.pooled = false;
        this.sparse = sparse;
        this.shape = Shape.of(sparse.rows(), sparse.cols());
    }

    /** The batch over its own words, made on first use; null for a dense tensor or a batch that uses most words. */
    private CompactBatch compact;
    private boolean compactTried;

    /** The compact form of this multi-hot batch ({@link CompactBatch}), or null. */
    CompactBatch compact() {
        if (sparse != null && !compactTried) {
            compactTried = true;
            compact = CompactBatch.of(sparse, backend.scratch());
        }
        return compact;
    }

    /** The values as an INDArray; a multi-hot batch is densified once. */
    INDArray array() {
        if (array == null) {
            array = backend.scratch().acquire(sparse);
        }
        return array;
    }

    /** A rank-1 view of a one-row array (ND4J's bias operands are vectors), made once per array. */
    private INDArray vector;

    INDArray vector() {
        INDArray a = array();
        if (vector == null) {
            if (a.rows() != 1) {
                throw new IllegalStateException("a vector view needs one row, this tensor is " + shape);
            }
            vector = a.reshape(a.columns());
        }
        return vector;
    }

    /** Moves this tensor's storage to {@code view} of {@code into}'s flat array (same shape, values copied). */
    void moveTo(INDArray view, ParameterPack into) {
        if (array != null && array.closeable()) {
            array.close();
        }
        array = view;
        vector = null;
        pack = into;
    }

    ParameterPack pack() {
        return pack;
    }

    /**
     * Whether this tensor is better stored column-major: it is the kernel gradient of a wide input's full product,
     * which OpenBLAS writes a third faster column-major (see {@link Nd4jBackend#matmul}); {@link ParameterPack}
     * lays out the tensors in its place that way.
     */
    private boolean columnMajor;

    void preferColumnMajor() {
        columnMajor = true;
    }

    boolean prefersColumnMajor() {
        return columnMajor;
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
    public void close() {
        if (compact != null) {
            compact.close();
            compact = null;
        }
        if (pack != null) {
            pack.closed(this);
            pack = null;
        } else if (array != null && pooled) {
            backend.scratch().give(array);
        } else if (array != null && sparse != null) {
            backend.scratch().release(array, sparse);
        } else if (array != null && array.closeable()) {
            array.close();
        }
        array = null;
        vector = null;
    }

    @Override
    public String toString() {
        return "Nd4jTensor" + shape + (isSparse() ? " sparse" : "");
    }
}
