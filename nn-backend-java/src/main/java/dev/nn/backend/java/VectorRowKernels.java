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
        } else if (packed != null) {
            panelProduct(a, aRowStep, aStride, packed, k, n, out, from, to, epilogue);
        } else {
            inPlaceProduct(a, aRowStep, aStride, b, k, n, out, from, to, epilogue);
        }
    }

    @Override
    public void rowTimesMatrix(float[] a, int aOff, int aStride, float[] b, int k, int n, float[] out, int o) {
        if (n < L) {
            ScalarKernels.columnsTimesMatrix(a, aOff, aStride, b, k, n, out, o, 0);
        } else {
            oneRow(a, aOff, aStride, b, k, n, out, o);
        }
    }

    /*
     * The two paths are separate methods, each compiled with its own profile: in one method, the packed path's
     * shapes (the capacity runs' products) shaped the compiled code that the in-place path's (Boston's, imdb-wide's)
     * then ran, and in some runs those experiments took twice as long afterwards.
     */

    /**
     * {@link #rowsTimesMatrix} from {@code b} packed in the panels of {@link #panels}, a panel at a time down all the
     * rows so the panel stays in cache: four blocks wide, then pairs of blocks, then the odd block left, then the
     * block that ends at the row's end.
     */
    private static void panelProduct(float[] a, int aRowStep, int aStride, float[] packed, int k, int n,
            float[] out, int from, int to, Epilogue epilogue) {
        int full = from + (to - from) / 4 * 4;
        int count = panelCount(n);
        for (int q = 0; q < count; q++) {
            int c = panelColumn(n, q);
            int w = panelWidth(n, q);
            // the panel's row t starts at base + t * w
            int base = panelOffset(k, n, q);
            if (w >= WIDE * L && aStride == 1) {
                widePanel(a, aRowStep, packed, k, base, w, out, n, c, from, to, epilogue);
                continue;
            }
            if (w == 3 * L) {
                triplePanel(a, aRowStep, aStride, packed, k, base, out, n, c, from, to, epilogue);
                continue;
            }
            for (int i = from; i < full; i += 4) {
                if (aStride == 1 && w == 2 * L) {
                    VectorKernels.fourRowsTimesPanel2(a, i * aRowStep, aRowStep, packed, k, base, out, i * n + c, n);
                } else if (aStride == 1 && w == L) {
                    VectorKernels.fourRowsTimesPanel(a, i * aRowStep, aRowStep, packed, k, base, out, i * n + c, n);
                } else if (w == L) {
                    VectorKernels.fourRowsTimesMatrix(a, i * aRowStep, aRowStep, aStride, packed, k, w, base, out,
                            i * n + c, n);
                } else {
                    for (int j = 0; j < w; j += 2 * L) {
                        VectorKernels.fourRowsTimesMatrix2(a, i * aRowStep, aRowStep, aStride, packed, k, w, base + j,
                                out, i * n + c + j, n);
                    }
                }
                if (epilogue != null) {
                    // the block's overlap with the one before (a row's last block) was recomputed, so it is
                    // passed through once more from its sums
                    epilogue.apply(out, i * n + c, n, 4, c, w);
                }
            }
            for (int i = full; i < to; i++) {
                oneRow(a, i * aRowStep, aStride, packed, k, w, base, w, out, i * n + c);
                if (epilogue != null) {
                    epilogue.apply(out, i * n + c, n, 1, c, w);
                }
            }
        }
    }

    /**
     * {@link #rowsTimesMatrix} reading {@code b} where it is: pairs of blocks down groups of four rows, then the odd
     * block left, then the block that ends at the row's end (or the last 33 to 48 columns as three blocks, the last
     * ending at the row's end); the rows left over, a row at a time.
     */
    private static void inPlaceProduct(float[] a, int aRowStep, int aStride, float[] b, int k, int n, float[] out,
            int from, int to, Epilogue epilogue) {
        int full = from + (to - from) / 4 * 4;
        for (int c = 0; c < n; ) {
            if (n - c > 2 * L && n - c <= 3 * L) {
                // the last columns as three blocks, the last one ending at the row's end
                int third = n - L - c;
                for (int i = from; i < full; i += 4) {
                    VectorKernels.fourRowsTimesMatrix3(a, i * aRowStep, aRowStep, aStride, b, k, n, c, third, out,
                            i * n + c, third, n);
                    if (epilogue != null) {
                        epilogue.apply(out, i * n + c, n, 4, c, n - c);
                    }
                }
                break;
            }
            int w = c + 2 * L <= n ? 2 * L : L;
            int at = c + w <= n ? c : n - L;
            for (int i = from; i < full; i += 4) {
                if (w == 2 * L) {
                    VectorKernels.fourRowsTimesMatrix2(a, i * aRowStep, aRowStep, aStride, b, k, n, at, out,
                            i * n + at, n);
                } else {
                    VectorKernels.fourRowsTimesMatrix(a, i * aRowStep, aRowStep, aStride, b, k, n, at, out,
                            i * n + at, n);
                }
                if (epilogue != null) {
                    epilogue.apply(out, i * n + at, n, 4, at, w);
                }
            }
            c += w;
        }
        for (int i = full; i < to; i++) {
            oneRow(a, i * aRowStep, aStride, b, k, n, out, i * n);
            if (epilogue != null) {
                epilogue.apply(out, i * n, n, 1, 0, n);
            }
        }
    }

    /** One output row {@code n >= L} wide, read from {@code b} in place: four blocks at a time, then {@link #oneRow}. */
    private static void oneRow(float[] a, int aOff, int aStride, float[] b, int k, int n, float[] out, int o) {
        int c = 0;
        for (; c + 4 * L <= n; c += 4 * L) {
            VectorKernels.rowTimesMatrix4(a, aOff, aStride, b, k, n, c, out, o + c);
        }
        if (c < n) {
            oneRow(a, aOff, aStride, b, k, n, c, n - c, out, o + c);
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
            VectorKernels.rowTimesMatrix2(a, aOff, aStride, b, k, stride, base, out, o);
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

    /** Blocks in a wide panel ({@link VectorKernels#twoRowsTimesPanel4}). */
    static final int WIDE = 4;

    /** Blocks in a wide panel of rows a whole number of them wide ({@link VectorKernels#twoRowsTimesPanel8}). */
    static final int WIDER = 2 * WIDE;

    /**
     * The width of a product's wide panels: {@link #WIDER} blocks (one broadcast per eight multiplies) where the row
     * is a whole number of them and the machine has 32 vector registers for the kernel's 16 accumulators and 8 loads
     * (AVX-512, 16 lanes): the 512-, 1,024- and 4,096-wide layers. Else {@link #WIDE} blocks.
     */
    static int wideWidth(int n) {
        return L == 16 && n % (WIDER * L) == 0 ? WIDER * L : WIDE * L;
    }

    /**
     * Terms of a wide panel's sums taken in one pass down the rows: {@code K_BLOCK} rows of a panel four blocks
     * wide are 128 KB (eight blocks: 256 KB), which stay in the core's L2 while every pair of output rows reads them.
     */
    static final int K_BLOCK = 512;

    /**
     * Whether the columns after the wide panels, more than two blocks and at most three, make one panel of three
     * blocks ({@link VectorKernels#fourRowsTimesMatrix3}), its last block ending at the row's end.
     */
    private static boolean triple(int n) {
        int rest = n % wideWidth(n);
        return rest > 2 * L && rest <= 3 * L;
    }

    private static int panelCount(int n) {
        int ww = wideWidth(n);
        int wide = n / ww;
        int rest = n % ww;
        if (triple(n)) {
            return wide + 1;
        }
        return wide + rest / (2 * L) + (rest % (2 * L) >= L ? 1 : 0) + (rest % L != 0 ? 1 : 0);
    }

    /** The first column of panel {@code q}. */
    private static int panelColumn(int n, int q) {
        int ww = wideWidth(n);
        int wide = n / ww;
        if (q < wide) {
            return q * ww;
        }
        int c0 = wide * ww;
        if (triple(n)) {
            return c0;
        }
        int rest = n - c0;
        int pairs = rest / (2 * L);
        int p = q - wide;
        if (p < pairs) {
            return c0 + p * 2 * L;
        }
        return p == pairs && rest % (2 * L) >= L ? c0 + pairs * 2 * L : n - L;
    }

    private static int panelWidth(int n, int q) {
        int ww = wideWidth(n);
        int wide = n / ww;
        if (q < wide) {
            return ww;
        }
        if (triple(n)) {
            return 3 * L;
        }
        return q - wide < n % ww / (2 * L) ? 2 * L : L;
    }

    /** Where panel {@code q} starts in the packed array: after the k rows of every panel before it. */
    private static int panelOffset(int k, int n, int q) {
        int ww = wideWidth(n);
        int wide = n / ww;
        if (q <= wide) {
            return q * k * ww;
        }
        int pairs = n % ww / (2 * L);
        int p = q - wide;
        int at = wide * k * ww;
        return p <= pairs ? at + p * k * 2 * L : at + pairs * k * 2 * L + k * L;
    }

    /** The column of {@code b} that column {@code j} of panel {@code q} (from column {@code c}, {@code w} wide) holds. */
    private static int panelSource(int n, int c, int w, int j) {
        return w == 3 * L && j >= 2 * L ? n - L + (j - 2 * L) : c + j;
    }

    /**
     * Output rows {@code [from, to)}, columns {@code [c, n)} (more than two blocks, at most three), from a packed
     * panel of three blocks: four rows at a time, then a row at a time.
     */
    private static void triplePanel(float[] a, int aRowStep, int aStride, float[] p, int k, int base, float[] out,
            int n, int c, int from, int to, Epilogue epilogue) {
        int third = n - L - c;
        int full = from + (to - from) / 4 * 4;
        for (int i = from; i < full; i += 4) {
            VectorKernels.fourRowsTimesMatrix3(a, i * aRowStep, aRowStep, aStride, p, k, 3 * L, base, 2 * L, out,
                    i * n + c, third, n);
            if (epilogue != null) {
                epilogue.apply(out, i * n + c, n, 4, c, n - c);
            }
        }
        for (int i = full; i < to; i++) {
            int o = i * n + c;
            VectorKernels.rowTimesMatrix2(a, i * aRowStep, aStride, p, k, 3 * L, base, out, o);
            VectorKernels.rowTimesMatrix(a, i * aRowStep, aStride, p, k, 3 * L, base + 2 * L, out, o + third);
            if (epilogue != null) {
                epilogue.apply(out, o, n, 1, c, n - c);
            }
        }
    }

    /**
     * Output rows {@code [from, to)}, columns {@code [c, c + w)}, from a packed wide panel {@code w} wide (four or
     * eight blocks): two rows at a time, {@link #K_BLOCK} terms at a time down all the rows, each range continuing
     * the sums the last one stored.
     */
    private static void widePanel(float[] a, int aRowStep, float[] p, int k, int base, int w, float[] out, int n,
            int c, int from, int to, Epilogue epilogue) {
        int pairs = from + (to - from) / 2 * 2;
        for (int t0 = 0; t0 < k || t0 == 0; t0 += K_BLOCK) {
            int t1 = Math.min(k, t0 + K_BLOCK);
            // the first range starts its sums from zero, the others from the sums the last one stored
            boolean first = t0 == 0;
            float[] init = first ? ZEROS : out;
            for (int i = from; i < pairs; i += 2) {
                int o = i * n + c;
                if (w == WIDE * L) {
                    VectorKernels.twoRowsTimesPanel4(a, i * aRowStep, aRowStep, p, t0, t1, base, init,
                            first ? 0 : o, first ? w : o + n, out, o, o + n);
                } else {
                    VectorKernels.twoRowsTimesPanel8(a, i * aRowStep, aRowStep, p, t0, t1, base, init,
                            first ? 0 : o, first ? w : o + n, out, o, o + n);
                }
            }
        }
        if (pairs < to) {
            // a row left over: in one pass over all the terms (it reads the panel once, whole ranges or not)
            for (int j = 0; j < w; j += WIDE * L) {
                VectorKernels.rowTimesMatrix4(a, pairs * aRowStep, 1, p, k, w, base + j, out, pairs * n + c + j);
            }
        }
        if (epilogue != null) {
            epilogue.apply(out, from * n + c, n, to - from, c, w);
        }
    }

    /** Two rows of zeros, a wide panel wide: where its sums start. */
    private static final float[] ZEROS = new float[2 * WIDER * L];

    @Override
    public int packedSize(int k, int n) {
        int count = panelCount(n);
        return panelOffset(k, n, count - 1) + k * panelWidth(n, count - 1);
    }

    @Override
    public void packPanel(float[] b, int k, int n, int q, float[] packed) {
        int c = panelColumn(n, q);
        int w = panelWidth(n, q);
        int at = panelOffset(k, n, q);
        if (w == 3 * L) {
            // two blocks from c, then the block that ends at the row's end
            VectorKernels.copyPanel(b, k, n, c, 2, packed, at, w);
            VectorKernels.copyPanel(b, k, n, n - L, 1, packed, at + 2 * L, w);
        } else {
            VectorKernels.copyPanel(b, k, n, c, w / L, packed, at, w);
        }
    }

    @Override
    public void packPanelTransposed(float[] bt, int k, int n, int q, float[] packed) {
        int c = panelColumn(n, q);
        int w = panelWidth(n, q);
        int at = panelOffset(k, n, q);
        // each width a call of its own, so that the stride of the stores is a constant where the copy is compiled
        if (w == WIDER * L) {
            packTransposed(bt, k, n, c, WIDER * L, packed, at);
        } else if (w == WIDE * L) {
            packTransposed(bt, k, n, c, WIDE * L, packed, at);
        } else if (w == 3 * L) {
            packTransposed(bt, k, n, c, 3 * L, packed, at);
        } else if (w == 2 * L) {
            packTransposed(bt, k, n, c, 2 * L, packed, at);
        } else {
            packTransposed(bt, k, n, c, L, packed, at);
        }
    }

    /** {@link #packPanelTransposed} for a panel {@code w} wide from column {@code c}, stored from {@code at}. */
    private static void packTransposed(float[] bt, int k, int n, int c, int w, float[] packed, int at) {
        // panel[t * w + j] = b[t, c + j] = bt[c + j, t]: w rows of bt, each read once, in tiles of 16 columns of t
        for (int t0 = 0; t0 < k; t0 += 16) {
            int t1 = Math.min(k, t0 + 16);
            for (int j = 0; j < w; j++) {
                int from = panelSource(n, c, w, j) * k;
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
