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
    public void rowsTimesMatrix(float[] a, int aRowStep, int aStride, float[] b, float[] packed, int k, int n,
            float[] out, int from, int to, Epilogue epilogue) {
        if (n < L) {
            ScalarKernels.narrowRowsTimesMatrix(a, aRowStep, aStride, b, k, n, out, from, to);
            if (epilogue != null) {
                epilogue.apply(out, from * n, n, to - from, 0, n);
            }
            return;
        }
        // a panel of columns at a time down all the rows, so the panel stays in cache; the panels are those of
        // panels(): pairs of blocks, then the odd block left, then the block that ends at the row's end
        int full = from + (to - from) / 4 * 4;
        int count = panelCount(n);
        for (int q = 0; q < count; q++) {
            int c = panelColumn(n, q);
            int w = panelWidth(n, q);
            // where the panel's row t starts: packed, at offset + t * w; in place, at c + t * n
            float[] src = packed != null ? packed : b;
            int stride = packed != null ? w : n;
            int base = packed != null ? panelOffset(k, n, q) : c;
            for (int i = from; i < full; i += 4) {
                if (packed != null && aStride == 1) {
                    if (w == 2 * L) {
                        VectorKernels.fourRowsTimesPanel2(a, i * aRowStep, aRowStep, src, k, base, out, i * n + c, n);
                    } else {
                        VectorKernels.fourRowsTimesPanel(a, i * aRowStep, aRowStep, src, k, base, out, i * n + c, n);
                    }
                } else if (w == 2 * L) {
                    VectorKernels.fourRowsTimesMatrix2(a, i * aRowStep, aRowStep, aStride, src, k, stride, base, out,
                            i * n + c, n);
                } else {
                    VectorKernels.fourRowsTimesMatrix(a, i * aRowStep, aRowStep, aStride, src, k, stride, base, out,
                            i * n + c, n);
                }
                if (epilogue != null) {
                    // the block's overlap with the one before (a row's last block) was recomputed, so it is
                    // passed through once more from its sums
                    epilogue.apply(out, i * n + c, n, 4, c, w);
                }
            }
            if (packed != null) {
                for (int i = full; i < to; i++) {
                    oneRow(a, i * aRowStep, aStride, src, k, stride, base, w, out, i * n + c);
                    if (epilogue != null) {
                        epilogue.apply(out, i * n + c, n, 1, c, w);
                    }
                }
            }
        }
        if (packed == null) {
            // the rows left over from the groups of four, four blocks at a time where the row is that wide
            for (int i = full; i < to; i++) {
                int c = 0;
                for (; c + 4 * L <= n; c += 4 * L) {
                    VectorKernels.rowTimesMatrixBlocks(a, i * aRowStep, aStride, b, k, n, c, out, i * n + c, 4);
                }
                if (c < n) {
                    oneRow(a, i * aRowStep, aStride, b, k, n, c, n - c, out, i * n + c);
                }
                if (epilogue != null) {
                    epilogue.apply(out, i * n, n, 1, 0, n);
                }
            }
        }
    }

    /**
     * One output row's columns {@code [c, c + w)} ({@code w >= L}), read from {@code b} at {@code base} with rows
     * {@code stride} apart: a pair of blocks, then one block, then the block that ends at column {@code c + w}.
     */
    private static void oneRow(float[] a, int aOff, int aStride, float[] b, int k, int stride, int base, int w,
            float[] out, int o) {
        int j = 0;
        if (w >= 2 * L) {
            VectorKernels.rowTimesMatrixBlocks(a, aOff, aStride, b, k, stride, base, out, o, 2);
            j = 2 * L;
        }
        for (; j + L <= w; j += L) {
            VectorKernels.rowTimesMatrix(a, aOff, aStride, b, k, stride, base + j, out, o + j);
        }
        if (j < w) {
            VectorKernels.rowTimesMatrix(a, aOff, aStride, b, k, stride, base + w - L, out, o + w - L);
        }
    }

    /** Output rows below which packing b costs more than reading it in place saves. */
    static final int PACK_ROWS = 16;

    /**
     * Rows of b at least this wide are packed for any product: at 512 or 4096 floats (2 or 16 KB apart) a panel's
     * rows fell in the same few cache sets and evicted each other. At 46 or 64 they do not, and packing them for
     * the general kernel only added a copy; the panel kernels' constant strides are worth that copy.
     */
    static final int PACK_WIDTH = 256;

    /**
     * Packed for products wider than a pair of blocks with at least {@link #PACK_ROWS} rows to share the panels,
     * where b is held transposed (it must be copied anyway), its rows are {@link #PACK_WIDTH} wide, or the rows of
     * a are contiguous, so the panel kernels ({@link VectorKernels#fourRowsTimesPanel2}) run. On one thread, old and
     * new kernels alternating in one JVM, {@code reuters-wide}'s 128 x 4096 x 46 output layer took 0.78-0.90 of
     * its time, and 15 of the chapter's 18 product shapes 0.73-0.97.
     */
    @Override
    public int panels(int k, int n, int rows, boolean transposed, boolean rowsContiguous) {
        if (n <= 2 * L || rows < PACK_ROWS || (!transposed && !rowsContiguous && n < PACK_WIDTH)) {
            return 0;
        }
        return panelCount(n);
    }

    private static int panelCount(int n) {
        return n / (2 * L) + (n % (2 * L) >= L ? 1 : 0) + (n % L != 0 ? 1 : 0);
    }

    /** The first column of panel {@code q}. */
    private static int panelColumn(int n, int q) {
        int pairs = n / (2 * L);
        if (q < pairs) {
            return q * 2 * L;
        }
        return q == pairs && n % (2 * L) >= L ? pairs * 2 * L : n - L;
    }

    private static int panelWidth(int n, int q) {
        return q < n / (2 * L) ? 2 * L : L;
    }

    /** Where panel {@code q} starts in the packed array: after the k rows of every panel before it. */
    private static int panelOffset(int k, int n, int q) {
        int pairs = n / (2 * L);
        return q <= pairs ? q * k * 2 * L : pairs * k * 2 * L + k * L;
    }

    @Override
    public int packedSize(int k, int n) {
        int count = panelCount(n);
        return panelOffset(k, n, count - 1) + k * panelWidth(n, count - 1);
    }

    @Override
    public void packPanel(float[] b, int k, int n, int q, float[] packed) {
        VectorKernels.copyPanel(b, k, n, panelColumn(n, q), panelWidth(n, q) / L, packed, panelOffset(k, n, q));
    }

    @Override
    public void packPanelTransposed(float[] bt, int k, int n, int q, float[] packed) {
        int c = panelColumn(n, q);
        int w = panelWidth(n, q);
        int at = panelOffset(k, n, q);
        // panel[t * w + j] = b[t, c + j] = bt[c + j, t]: w rows of bt, each read once, in tiles of 16 columns of t
        for (int t0 = 0; t0 < k; t0 += 16) {
            int t1 = Math.min(k, t0 + 16);
            for (int j = 0; j < w; j++) {
                int from = (c + j) * k;
                for (int t = t0; t < t1; t++) {
                    packed[at + t * w + j] = bt[from + t];
                }
            }
        }
    }

    /**
     * Four rows at a time where a row is narrower than four blocks: there one row's sums are one or two chains of
     * dependent adds (an IMDB layer of 16 units: one vector, one add per word waiting on the last), and four rows'
     * chains overlap. Each row's elements are still summed from zero in its own list order.
     */
    @Override
    public void gatherRows(int[] idx, int[] off, int from, int to, float[] b, int n, float[] out) {
        int i = from;
        if (n < L) {
            for (; i + 4 <= to; i += 4) {
                ScalarKernels.gatherFourRows(idx, off, i, b, n, out);
            }
        } else if (n < 4 * L) {
            for (; i + 4 <= to; i += 4) {
                int c = 0;
                for (; c + L <= n; c += L) {
                    VectorKernels.gatherFourRows(idx, off, i, b, n, c, out);
                }
                if (c < n) {
                    VectorKernels.gatherFourRows(idx, off, i, b, n, n - L, out);
                }
            }
        }
        for (; i < to; i++) {
            gatherRow(idx, off[i], off[i + 1], b, n, out, i * n);
        }
    }

    @Override
    public void scatterAdd(int[] idx, int from, int to, int[] slot, float[] g, int go, int n, float[] out) {
        if (n == L) {
            VectorKernels.scatterAddBlock(idx, from, to, slot, g, go, out);
            return;
        }
        for (int p = from; p < to; p++) {
            int d = slot[idx[p]] * n;
            int c = 0;
            for (; c + L <= n; c += L) {
                VectorKernels.addBlock(g, go + c, out, d + c);
            }
            for (; c < n; c++) {
                out[d + c] += g[go + c];
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
}
