package dev.nn.backend.java;

/**
 * The inner loops on the Vector API ({@link VectorKernels}): four or one blocks of {@code L} columns per pass
 * (L = 16 with AVX-512, 8 with AVX2), four dense rows at a time sharing each load of {@code b}, and a row's
 * last columns as the block that ends at the row's end (overlapping lanes are recomputed in the same order,
 * or add zero). Rows narrower than a block run the scalar column loops. Only created when the Vector API runs.
 */
final class VectorRowKernels implements RowKernels {

    /** Columns per vector block. */
    private static final int L = VectorKernels.L;

    @Override
    public void rowsTimesMatrix(float[] a, int aRowStep, int aStride, float[] b, int k, int n, float[] out, int from,
            int to) {
        if (n < L) {
            ScalarKernels.narrowRowsTimesMatrix(a, aRowStep, aStride, b, k, n, out, from, to);
            return;
        }
        // a block of columns at a time down all the rows: that panel of b is read once from memory and then
        // from cache, where row by row every group of four rows streamed all of b again
        int full = from + (to - from) / 4 * 4;
        int c = 0;
        for (; c + 2 * L <= n; c += 2 * L) {
            for (int i = from; i < full; i += 4) {
                VectorKernels.fourRowsTimesMatrix2(a, i * aRowStep, aRowStep, aStride, b, k, n, c, out, i * n + c, n);
            }
        }
        for (; c + L <= n; c += L) {
            for (int i = from; i < full; i += 4) {
                VectorKernels.fourRowsTimesMatrix(a, i * aRowStep, aRowStep, aStride, b, k, n, c, out, i * n + c, n);
            }
        }
        if (c < n) {
            for (int i = from; i < full; i += 4) {
                VectorKernels.fourRowsTimesMatrix(a, i * aRowStep, aRowStep, aStride, b, k, n, n - L, out,
                        i * n + n - L, n);
            }
        }
        for (int i = full; i < to; i++) {
            int aOff = i * aRowStep;
            int o = i * n;
            int col = 0;
            for (; col + L <= n; col += L) {
                VectorKernels.rowTimesMatrix(a, aOff, aStride, b, k, n, col, out, o + col);
            }
            if (col < n) {
                VectorKernels.rowTimesMatrix(a, aOff, aStride, b, k, n, n - L, out, o + n - L);
            }
        }
    }

    @Override
    public void gatherRow(int[] idx, int from, int to, float[] b, int n, float[] out, int o) {
        if (n < L) {
            ScalarKernels.gatherColumns(idx, from, to, b, n, out, o, 0);
            return;
        }
        int c = 0;
        for (; c + 4 * L <= n; c += 4 * L) {
            VectorKernels.gatherSum4(idx, from, to, b, n, c, out, o + c);
        }
        for (; c + L <= n; c += L) {
            VectorKernels.gatherSum(idx, from, to, b, n, c, out, o + c);
        }
        if (c < n) {
            VectorKernels.gatherSum(idx, from, to, b, n, n - L, out, o + n - L);
        }
    }

    @Override
    public void scatterRow(int[] idx, int p0, int p1, float[] g, int gi, float[] out, int n) {
        if (n < L) {
            ScalarKernels.scatterColumns(idx, p0, p1, g, gi, out, n, 0);
            return;
        }
        int c = 0;
        for (; c + 4 * L <= n; c += 4 * L) {
            VectorKernels.scatterAdd4(idx, p0, p1, g, gi + c, out, n, c);
        }
        for (; c + L <= n; c += L) {
            VectorKernels.scatterAdd(idx, p0, p1, g, gi + c, out, n, c);
        }
        if (c < n) {
            VectorKernels.scatterAddLast(idx, p0, p1, g, gi + n - L, out, n, L - (n - c));
        }
    }
}
