package dev.nn.backend.java;

/**
 * The inner loops of {@link MatMul}, in two versions chosen once per backend: {@link ScalarKernels} and, where
 * the Vector API runs, {@link VectorRowKernels}. Both sum every element in the same order with separate
 * multiply and add, so they give the same bits.
 */
interface RowKernels {

    /**
     * Output rows {@code [from, to)} of a dense product: row {@code i} is
     * {@code sum_t a[i * aRowStep + t * aStride] * b[t, :]}, {@code t < k}, {@code b} of width {@code n}.
     * {@code packed} is {@code b} laid out by {@link #packPanel} for every one of its {@link #panels}, or null.
     * With an {@code epilogue} (else null), each block of output is passed through it once written.
     */
    void rowsTimesMatrix(float[] a, int aRowStep, int aStride, float[] b, float[] packed, int k, int n, float[] out,
            int from, int to, Epilogue epilogue);

    /**
     * How many column panels {@code b} (k x n) is best packed into before {@code rows} output rows are computed
     * from it, or 0 where the kernels read it as it is. {@code transposed}: {@code b} is held as its transpose,
     * which must be copied anyway, so packing it costs nothing extra. {@code rowsContiguous}: the product reads
     * the rows of {@code a} with {@code aStride} 1.
     */
    default int panels(int k, int n, int rows, boolean transposed, boolean rowsContiguous) {
        return 0;
    }

    /** The length of the array that holds all the panels of {@code b}. */
    default int packedSize(int k, int n) {
        return 0;
    }

    /** Copies panel {@code q} of {@code b} into {@code packed}. */
    default void packPanel(float[] b, int k, int n, int q, float[] packed) {
        throw new UnsupportedOperationException("these kernels read b as it is");
    }

    /** Copies panel {@code q} of {@code b} (k x n), given as its transpose {@code bt} (n x k), into {@code packed}. */
    default void packPanelTransposed(float[] bt, int k, int n, int q, float[] packed) {
        throw new UnsupportedOperationException("these kernels read b as it is");
    }

    /**
     * One output row anywhere in {@code out}: {@code out[o + j] = sum_t a[aOff + t * aStride] * b[t * n + j]},
     * {@code t < k}, {@code j < n}, summed from zero in {@code t} order as {@link #rowsTimesMatrix} sums its rows.
     */
    void rowTimesMatrix(float[] a, int aOff, int aStride, float[] b, int k, int n, float[] out, int o);

    /** {@code out[o .. o+n) = sum over p in [from, to) of b[idx[p] * n .. +n)}: one multi-hot row times {@code b}. */
    void gatherRow(int[] idx, int from, int to, float[] b, int n, float[] out, int o);

    /**
     * {@code out[slot[idx[p]] * n .. +n) += g[go .. go+n)} for {@code p} in {@code [from, to)}: one multi-hot row's
     * share of a kernel gradient, added into the packed rows it names.
     */
    void scatterAdd(int[] idx, int from, int to, int[] slot, float[] g, int go, int n, float[] out);

    /**
     * Rows {@code [from, to)} of a gather-sum: row {@code i} is {@link #gatherRow} over {@code idx[off[i] ..
     * off[i + 1])}, written to {@code out[i * n .. (i + 1) * n)}. Each element is summed from zero in list order,
     * as {@link #gatherRow} sums it.
     */
    default void gatherRows(int[] idx, int[] off, int from, int to, float[] b, int n, float[] out) {
        for (int i = from; i < to; i++) {
            gatherRow(idx, off[i], off[i + 1], b, n, out, i * n);
        }
    }
}
