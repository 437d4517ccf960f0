package dev.nn.backend.java;

/**
 * The inner loops on the Vector API ({@link VectorKernels}): 64 or 16 columns per pass, four dense rows at a
 * time sharing each load of {@code b}, and a row's last columns as the sixteen-lane block that ends at the
 * row's end (overlapping lanes are recomputed in the same order, or add zero). Rows narrower than sixteen
 * run the scalar column loops. Only created when the Vector API runs.
 */
final class VectorRowKernels implements RowKernels {

    @Override
    public void rowsTimesMatrix(float[] a, int aRowStep, int aStride, float[] b, int k, int n, float[] out, int from,
            int to) {
        if (n < 16) {
            for (int i = from; i < to; i++) {
                ScalarKernels.columnsTimesMatrix(a, i * aRowStep, aStride, b, k, n, out, i * n, 0);
            }
            return;
        }
        int i = from;
        for (; i + 4 <= to; i += 4) {
            int c = 0;
            for (; c + 32 <= n; c += 32) {
                VectorKernels.fourRowsTimesMatrix32(a, i * aRowStep, aRowStep, aStride, b, k, n, c, out, i * n + c, n);
            }
            for (; c + 16 <= n; c += 16) {
                VectorKernels.fourRowsTimesMatrix16(a, i * aRowStep, aRowStep, aStride, b, k, n, c, out, i * n + c, n);
            }
            if (c < n) {
                VectorKernels.fourRowsTimesMatrix16(a, i * aRowStep, aRowStep, aStride, b, k, n, n - 16, out,
                        i * n + n - 16, n);
            }
        }
        for (; i < to; i++) {
            int aOff = i * aRowStep;
            int o = i * n;
            int c = 0;
            for (; c + 16 <= n; c += 16) {
                VectorKernels.rowTimesMatrix16(a, aOff, aStride, b, k, n, c, out, o + c);
            }
            if (c < n) {
                VectorKernels.rowTimesMatrix16(a, aOff, aStride, b, k, n, n - 16, out, o + n - 16);
            }
        }
    }

    @Override
    public void gatherRow(int[] idx, int from, int to, float[] b, int n, float[] out, int o) {
        if (n < 16) {
            ScalarKernels.gatherColumns(idx, from, to, b, n, out, o, 0);
            return;
        }
        int c = 0;
        for (; c + 64 <= n; c += 64) {
            VectorKernels.gatherSum64(idx, from, to, b, n, c, out, o + c);
        }
        for (; c + 16 <= n; c += 16) {
            VectorKernels.gatherSum16(idx, from, to, b, n, c, out, o + c);
        }
        if (c < n) {
            VectorKernels.gatherSum16(idx, from, to, b, n, n - 16, out, o + n - 16);
        }
    }

    @Override
    public void scatterRow(int[] idx, int p0, int p1, float[] g, int gi, float[] out, int n) {
        if (n < 16) {
            ScalarKernels.scatterColumns(idx, p0, p1, g, gi, out, n, 0);
            return;
        }
        int c = 0;
        for (; c + 64 <= n; c += 64) {
            VectorKernels.scatterAdd64(idx, p0, p1, g, gi + c, out, n, c);
        }
        for (; c + 16 <= n; c += 16) {
            VectorKernels.scatterAdd16(idx, p0, p1, g, gi + c, out, n, c);
        }
        if (c < n) {
            VectorKernels.scatterAddLast16(idx, p0, p1, g, gi + n - 16, out, n, 16 - (n - c));
        }
    }
}
