package dev.nn.backend.java;

import dev.nn.api.data.MultiHotRows;
import java.util.Arrays;

/**
 * The matmul kernels. Each output element is summed in index order on one thread, so results are
 * the same for any thread count. The inner loops are {@link RowKernels}, chosen once; sparse multi-hot
 * operands become gather-sums, of rows of the right-hand side (forward) or of the gradient (the kernel gradient,
 * after a counting sort of the indices), that never touch a zero.
 */
final class MatMul {

    /** Whether the Vector API kernels can run in this JVM on this CPU. */
    static final boolean VECTORS_AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && VectorKernels.supported();

    /** Output rows the dense kernels compute in one pass, sharing each load of the right-hand side. */
    static final int ROWS_PER_PASS = 4;

    /**
     * A copied value's cost in the multiply-adds that {@link Parallel} weighs work in: a copy that misses cache
     * costs several, so a 4096 x 46 kernel's transpose is worth splitting, as its product is.
     */
    private static final int COPY_COST = 8;

    /** An index's cost in {@link #sparseT}'s counting sort: a counter or a list entry written far from the last. */
    private static final int SORT_COST = 16;

    private final Parallel parallel;
    private final RowKernels kernels;
    private float[] transposed = new float[0];
    private float[] packed = new float[0];
    /** {@link #ntGated}'s rows that pass, reused as {@link #packed} is (a batch of one's step calls it once). */
    private int[] gatedRows = new int[0];

    /** With {@code vectors} set and the Vector API running, the vector kernels; else the scalar ones. */
    MatMul(Parallel parallel, boolean vectors) {
        this.parallel = parallel;
        this.kernels = vectors && VECTORS_AVAILABLE ? new VectorRowKernels() : new ScalarKernels();
    }

    boolean vectors() {
        return kernels instanceof VectorRowKernels;
    }

    /** {@code out(m, n) = a(m, k) x b(k, n)}. Threads split the rows. */
    void nn(float[] a, float[] b, float[] out, int m, int k, int n) {
        nn(a, b, out, m, k, n, null);
    }

    /** {@link #nn}, each output block passed through {@code epilogue} (if not null) once written. */
    void nn(float[] a, float[] b, float[] out, int m, int k, int n, Epilogue epilogue) {
        float[] p = pack(b, k, n, m, false, true);
        parallel.range(m, (long) m * k * n, ROWS_PER_PASS,
                (from, to) -> kernels.rowsTimesMatrix(a, k, 1, b, p, k, n, out, from, to, epilogue));
    }

    /**
     * {@code b} (k x n) in the kernels' column panels, in this product's scratch array, or null where they read
     * it as it is ({@link RowKernels#panels}: {@code b} given as its transpose (n x k) when {@code transposed},
     * {@code rowsContiguous} when the product reads the rows of its left operand with stride 1). Threads split
     * the panels. Each panel is read by every group of output rows, from cache: read in place, a panel's rows are
     * n floats apart, and at n = 512 or 4096 (2 or 16 KB) its lines fell in the same few cache sets and evicted
     * each other.
     */
    private float[] pack(float[] b, int k, int n, int rows, boolean transposed, boolean rowsContiguous) {
        int panels = kernels.panels(k, n, rows, transposed, rowsContiguous);
        if (panels == 0) {
            return null;
        }
        int size = kernels.packedSize(k, n);
        if (packed.length < size) {
            packed = new float[size];
        }
        float[] p = packed;
        parallel.range(panels, (long) k * n * COPY_COST, (q0, q1) -> {
            for (int q = q0; q < q1; q++) {
                if (transposed) {
                    kernels.packPanelTransposed(b, k, n, q, p);
                } else {
                    kernels.packPanel(b, k, n, q, p);
                }
            }
        });
        return p;
    }

    /** {@code out(m, n) = a(r, m)^T x b(r, n)}: the kernel gradient of a dense input. Threads split the rows. */
    void tn(float[] a, float[] b, float[] out, int r, int m, int n) {
        if (n == 1) {
            // a one-wide gradient (the output layer of IMDB and Boston): out^T = b^T a is a row times a
            // matrix, the same products summed in the same order, which the row kernels run a block at a time
            nn(b, a, out, 1, r, m);
            return;
        }
        float[] p = pack(b, r, n, m, false, false);
        if (p != null) {
            // b's rows are wide (packed anyway): a^T, copied once, lets the panel kernels read its rows with
            // stride 1, and costs r x m copies against r x m x n multiply-adds. Where b is narrow (4096 x 128 x 46)
            // the copy cost more than it saved. The scratch array is free: tt's transposed b is packed by now
            float[] at = transpose(a, r, m);
            parallel.range(m, (long) r * m * n, ROWS_PER_PASS,
                    (from, to) -> kernels.rowsTimesMatrix(at, r, 1, b, p, r, n, out, from, to, null));
            return;
        }
        parallel.range(m, (long) r * m * n, ROWS_PER_PASS,
                (from, to) -> kernels.rowsTimesMatrix(a, 1, m, b, p, r, n, out, from, to, null));
    }

    /**
     * {@code out(m, n) = a(1, m)^T x b(1, n)}, a batch of one's kernel gradient, written row-sparse ({@link RowSparse})
     * where {@code a} holds zeros: each element is {@code 0 + a[i] b[j]}, the one-term sum {@link #tn} computes, so
     * a row where {@code a[i]} is ±0 is +0 throughout when every {@code b[j]} is finite, and is left out. At batch size
     * 1 a ReLU input that did not fire is such a row (a third of a Boston step's 64 x 64 kernel), and RMSprop then
     * skips its weights, velocities and gradient instead of reading and rewriting them. Returns false, having
     * written nothing, where {@code b} is not all finite or {@code a} holds no zero.
     */
    boolean outerRows(float[] a, float[] b, JavaTensor out, int m, int n) {
        int zeros = 0;
        for (int i = 0; i < m; i++) {
            zeros += a[i] == 0f ? 1 : 0;
        }
        if (zeros == 0) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (!Float.isFinite(b[j])) {
                return false;
            }
        }
        // the buffer may hold the ids of this tensor's last value: written only now, once that value is let go
        RowSparse.overwritten(out);
        if (out.rowIdBuffer == null) {
            out.rowIdBuffer = new int[m];
        }
        int[] ids = out.rowIdBuffer;
        int count = 0;
        for (int i = 0; i < m; i++) {
            ids[count] = i;
            count += a[i] != 0f ? 1 : 0;
        }
        float[] o = out.data;
        for (int p = 0; p < count; p++) {
            // a one-term sum: the row kernels' product of a one-row a
            kernels.rowTimesMatrix(a, ids[p], 1, b, 1, n, o, p * n);
        }
        out.rowIds = ids;
        out.rowCount = count;
        return true;
    }

    /** {@code out(m, n) = a(m, k) x b(n, k)^T}: the input gradient. */
    void nt(float[] a, float[] b, float[] out, int m, int k, int n) {
        if (m == 1) {
            // batch size 1: k-long dot products beat transposing b on every step. They are the rows of b times
            // a as a column, run eight at a time (each is a chain of dependent adds; a Boston step spent most
            // of its time here); the products and their order are those of a x b^T
            ScalarKernels.narrowRowsTimesMatrix(b, k, 1, a, k, 1, out, 0, n);
            return;
        }
        // b^T straight into the kernels' panels where they are packed (no transposed copy first)
        float[] p = pack(b, k, n, m, true, true);
        if (p == null) {
            nn(a, transpose(b, n, k), out, m, k, n);
            return;
        }
        parallel.range(m, (long) m * k * n, ROWS_PER_PASS,
                (from, to) -> kernels.rowsTimesMatrix(a, k, 1, null, p, k, n, out, from, to, null));
    }

    /**
     * {@code out(1, n) = a(1, k) x b(n, k)^T} where {@code gate} is positive, 0 elsewhere: the dot products
     * {@link #nt} computes at batch size 1, in the same order, for the rows the gate lets through (a Boston step's
     * hidden layer: about half; its input gradient was a quarter of the step, JFR).
     */
    void ntGated(float[] a, float[] b, float[] gate, float[] out, int k, int n) {
        // which rows pass changes from sample to sample: collected without a branch, which would mispredict
        if (gatedRows.length < n) {
            gatedRows = new int[n];
        }
        int[] rows = gatedRows;
        int count = 0;
        for (int i = 0; i < n; i++) {
            out[i] = 0f;
            rows[count] = i;
            count += gate[i] > 0f ? 1 : 0;
        }
        ScalarKernels.rowDots(b, k, k, a, rows, 0, count, out);
    }

    /** {@code out(m, n) = a(r, m)^T x b(n, r)^T}. */
    void tt(float[] a, float[] b, float[] out, int r, int m, int n) {
        tn(a, transpose(b, n, r), out, r, m, n);
    }

    /**
     * {@code out(rows, n) = x(rows, k) x b(k, n)} for multi-hot {@code x}: sums of rows of {@code b}.
     * Threads split the rows.
     */
    void sparseN(MultiHotRows x, float[] b, float[] out, int n) {
        sparseN(x, b, out, n, null);
    }

    /** {@link #sparseN}, each group of {@link #EPILOGUE_ROWS} rows passed through {@code epilogue} (if not null). */
    void sparseN(MultiHotRows x, float[] b, float[] out, int n, Epilogue epilogue) {
        int[] off = x.offsets();
        int[] idx = x.indices();
        parallel.range(x.rows(), (long) x.nonZeros() * n, (from, to) -> {
            if (epilogue == null) {
                kernels.gatherRows(idx, off, from, to, b, n, out);
                return;
            }
            for (int i = from; i < to; i += EPILOGUE_ROWS) {
                int end = Math.min(to, i + EPILOGUE_ROWS);
                kernels.gatherRows(idx, off, i, end, b, n, out);
                epilogue.apply(out, i * n, n, end - i, 0, n);
            }
        });
    }

    /** Rows of a gather-sum passed through its epilogue at a time, while they are in cache. */
    private static final int EPILOGUE_ROWS = 16;

    /**
     * {@code out(k, n) = x(rows, k)^T x g(rows, n)} for multi-hot {@code x}, left row-sparse ({@link RowSparse}):
     * only the rows some one of {@code x} names, packed in row order. {@code x} is first turned by columns (a
     * counting sort: for each row named, the rows of {@code x} that name it, in order); then each packed row is
     * the sum of the rows of {@code g} its list names, a gather like {@link #sparseN}'s. Threads split the packed
     * rows. Every output element is summed from zero in row order, as the dense product and the scatter-add this
     * replaced sum it. The scatter-add read and rewrote an output row for every one, and each thread's share
     * found its slice of every index row by two binary searches: a quarter of an IMDB epoch (JFR).
     */
    void sparseT(MultiHotRows x, float[] g, JavaTensor out, int n) {
        if (n <= SCATTER_WIDTH) {
            scatterT(x, g, out, n);
            return;
        }
        int[] off = x.offsets();
        int[] idx = x.indices();
        int k = out.rows();
        int rows = x.rows();
        RowSparse.overwritten(out);
        // the counting sort runs in blocks of rows, as many as the threads it is split across (at least 16 rows
        // each): block b counts its rows' ones into its own k counters, which then become its cursors into each
        // list, after those of the blocks before it
        long sortWork = (long) idx.length * SORT_COST;
        int blocks = parallel.parts(Math.max(1, rows / 16), sortWork);
        int words = (k + 63) >>> 6;
        if (out.sortCursors == null || out.sortCursors.length < blocks * k) {
            out.sortCursors = new int[blocks * k];
            out.rowIdBuffer = new int[k];
            out.sourceStarts = new int[k + 1];
            out.rowsNamed = new long[blocks * words];
        }
        long[] named = out.rowsNamed;
        int[] cursors = out.sortCursors;
        int[] ids = out.rowIdBuffer;
        int[] starts = out.sourceStarts;
        if (out.sortSources == null || out.sortSources.length < idx.length) {
            out.sortSources = new int[idx.length];
        }
        int[] sources = out.sortSources;
        parallel.range(blocks, sortWork, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int base = b * k;
                int bits = b * words;
                Arrays.fill(cursors, base, base + k, 0);
                Arrays.fill(named, bits, bits + words, 0L);
                for (int p = off[rows * b / blocks]; p < off[rows * (b + 1) / blocks]; p++) {
                    int r = idx[p];
                    cursors[base + r]++;
                    named[bits + (r >>> 6)] |= 1L << r;
                }
            }
        });
        // the rows named, in order (from the blocks' bit sets: a third of the time of testing all k counts, whose
        // branch mispredicted), and where each one's list starts
        int count = 0;
        int at = 0;
        for (int word = 0; word < words; word++) {
            long set = 0;
            for (int b = 0; b < blocks; b++) {
                set |= named[b * words + word];
            }
            for (; set != 0; set &= set - 1) {
                int r = (word << 6) + Long.numberOfTrailingZeros(set);
                ids[count] = r;
                starts[count++] = at;
                for (int b = 0; b < blocks; b++) {
                    int c = cursors[b * k + r];
                    cursors[b * k + r] = at;
                    at += c;
                }
            }
        }
        starts[count] = at;
        parallel.range(blocks, sortWork, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int base = b * k;
                for (int i = rows * b / blocks; i < rows * (b + 1) / blocks; i++) {
                    for (int p = off[i]; p < off[i + 1]; p++) {
                        sources[cursors[base + idx[p]]++] = i;
                    }
                }
            }
        });
        float[] o = out.data;
        parallel.range(count, (long) x.nonZeros() * n,
                (c0, c1) -> kernels.gatherRows(sources, starts, c0, c1, g, n, o));
        out.rowIds = ids;
        out.rowCount = count;
    }

    /** Kernel gradients of multi-hot inputs at most this wide are scatter-added ({@link #scatterT}). */
    static final int SCATTER_WIDTH = 16;

    /**
     * {@link #sparseT} for narrow gradients, by adding each row of {@code g} into the packed rows its row of
     * {@code x} names, in row order, so every output element is still summed from zero in row order. Where a
     * row of {@code g} is one vector (IMDB's 16 units), sorting the indices by column cost more than the gather
     * it prepared. Threads split the packed rows, one contiguous share each; a share finds where it starts or
     * ends in each row of {@code x} by binary search (the indices of a row are sorted).
     */
    private void scatterT(MultiHotRows x, float[] g, JavaTensor out, int n) {
        int[] off = x.offsets();
        int[] idx = x.indices();
        int k = out.rows();
        int rows = x.rows();
        RowSparse.overwritten(out);
        if (out.rowIdBuffer == null || out.rowSlots == null) {
            out.rowIdBuffer = new int[k];
            out.rowSlots = new int[k];
            out.rowMarks = new byte[k];
        }
        // the rows named: a plain store per index (setting bits of a word read and rewrote it, and the sorted
        // indices of a row, close together, waited on each other's stores), then read in order
        byte[] marks = out.rowMarks;
        for (int p = off[0]; p < off[rows]; p++) {
            marks[idx[p]] = 1;
        }
        int[] ids = out.rowIdBuffer;
        int[] slot = out.rowSlots;
        int count = 0;
        for (int r = 0; r < k; r++) {
            ids[count] = r;
            slot[r] = count;
            count += marks[r];
            marks[r] = 0;
        }
        float[] o = out.data;
        int named = count;
        long work = (long) x.nonZeros() * n;
        int parts = parallel.parts(count, work);
        parallel.range(parts, work, (q0, q1) -> {
            for (int q = q0; q < q1; q++) {
                int c0 = (int) ((long) named * q / parts);
                int c1 = (int) ((long) named * (q + 1) / parts);
                Arrays.fill(o, c0 * n, c1 * n, 0f);
                if (c0 == c1) {
                    continue;
                }
                // this share's rows of the output are [ids[c0], ids[c1]): in each row of x, its indices between
                int lo = ids[c0];
                int hi = c1 < named ? ids[c1] : k;
                for (int i = 0; i < rows; i++) {
                    int from = q == 0 ? off[i] : lowerBound(idx, off[i], off[i + 1], lo);
                    int to = q == parts - 1 ? off[i + 1] : lowerBound(idx, from, off[i + 1], hi);
                    kernels.scatterAdd(idx, from, to, slot, g, i * n, n, o);
                }
            }
        });
        out.rowIds = ids;
        out.rowCount = count;
    }

    /**
     * The first position in {@code a[from, to)}, sorted and without repeats (a multi-hot row's indices), holding a
     * value at least {@code key}, or {@code to}: where {@link Arrays#binarySearch} finds it or would insert it.
     */
    private static int lowerBound(int[] a, int from, int to, int key) {
        int at = Arrays.binarySearch(a, from, to, key);
        return at >= 0 ? at : -at - 1;
    }

    /**
     * {@code b} (rows x cols) transposed, in tiles, into this product's scratch array (valid until the next
     * transpose; a backend runs one product at a time). Copied a row at a time, transposing a 4096 x 46 kernel
     * wrote every value 16 KB from the last, and all those lines fell in the same L1 sets: 0.94 ms, a tenth of a
     * reuters-wide step. A tall matrix is now copied column by column within 32 x 32 tiles (0.17 ms), any other
     * row by row within 16 x 16 tiles (512 x 512: 0.64 to 0.24 ms), measured on both shapes of the chapter's
     * kernels. Threads split the bands of tile rows: a serial transpose kept the second core idle for a twentieth
     * of a reuters-512 run.
     */
    float[] transpose(float[] b, int rows, int cols) {
        if (transposed.length < b.length) {
            transposed = new float[b.length];
        }
        float[] t = transposed;
        boolean tall = rows > 2 * cols;
        int tile = tall ? 32 : 16;
        int bands = (rows + tile - 1) / tile;
        parallel.range(bands, (long) rows * cols * COPY_COST, (band0, band1) -> {
            for (int i0 = band0 * tile; i0 < Math.min(rows, band1 * tile); i0 += tile) {
                int i1 = Math.min(rows, i0 + tile);
                for (int j0 = 0; j0 < cols; j0 += tile) {
                    int j1 = Math.min(cols, j0 + tile);
                    if (tall) {
                        for (int j = j0; j < j1; j++) {
                            int o = j * rows;
                            for (int i = i0; i < i1; i++) {
                                t[o + i] = b[i * cols + j];
                            }
                        }
                    } else {
                        for (int i = i0; i < i1; i++) {
                            for (int j = j0; j < j1; j++) {
                                t[j * rows + i] = b[i * cols + j];
                            }
                        }
                    }
                }
            }
        });
        return t;
    }
}
