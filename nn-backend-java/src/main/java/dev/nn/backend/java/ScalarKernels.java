package dev.nn.backend.java;

/**
 * The scalar inner loops: sixteen output columns kept in sixteen float registers, then the remaining
 * columns one at a time. Every element is summed in index order.
 */
final class ScalarKernels implements RowKernels {

    @Override
    public void rowsTimesMatrix(float[] a, int aRowStep, int aStride, float[] b, float[] packed, int k, int n,
            float[] out, int from, int to, Epilogue epilogue) {
        if (n < 16) {
            narrowRowsTimesMatrix(a, aRowStep, aStride, b, k, n, out, from, to);
            if (epilogue != null) {
                epilogue.apply(out, from * n, n, to - from, 0, n);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            rowTimesMatrix(a, i * aRowStep, aStride, b, k, n, out, i * n);
            if (epilogue != null) {
                epilogue.apply(out, i * n, n, 1, 0, n);
            }
        }
    }

    @Override
    public void gatherRow(int[] idx, int from, int to, float[] b, int n, float[] out, int o) {
        int c = 0;
        for (; c + 16 <= n; c += 16) {
            gatherSum16(idx, from, to, b, n, c, out, o + c);
        }
        gatherColumns(idx, from, to, b, n, out, o, c);
    }

    @Override
    public void scatterAdd(int[] idx, int from, int to, int[] slot, float[] g, int go, int n, float[] out) {
        for (int p = from; p < to; p++) {
            int d = slot[idx[p]] * n;
            for (int c = 0; c < n; c++) {
                out[d + c] += g[go + c];
            }
        }
    }

    /**
     * Every column of four gathered rows {@code i .. i + 3} (row {@code j} over {@code idx[off[j] .. off[j + 1])},
     * into {@code out[j * n ..]}), the four rows' sums side by side while all four have indices left: for rows
     * narrower than a vector (an IMDB output layer of one unit), where one row's sum is one chain of dependent adds.
     */
    static void gatherFourRows(int[] idx, int[] off, int i, float[] b, int n, float[] out) {
        int p0 = off[i];
        int p1 = off[i + 1];
        int p2 = off[i + 2];
        int p3 = off[i + 3];
        int e3 = off[i + 4];
        int common = commonLength(off, i);
        for (int c = 0; c < n; c++) {
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            for (int t = 0; t < common; t++) {
                s0 += b[idx[p0 + t] * n + c];
                s1 += b[idx[p1 + t] * n + c];
                s2 += b[idx[p2 + t] * n + c];
                s3 += b[idx[p3 + t] * n + c];
            }
            for (int p = p0 + common; p < p1; p++) {
                s0 += b[idx[p] * n + c];
            }
            for (int p = p1 + common; p < p2; p++) {
                s1 += b[idx[p] * n + c];
            }
            for (int p = p2 + common; p < p3; p++) {
                s2 += b[idx[p] * n + c];
            }
            for (int p = p3 + common; p < e3; p++) {
                s3 += b[idx[p] * n + c];
            }
            out[i * n + c] = s0;
            out[(i + 1) * n + c] = s1;
            out[(i + 2) * n + c] = s2;
            out[(i + 3) * n + c] = s3;
        }
    }

    /** How many indices each of rows {@code i .. i + 3} has at least (row {@code j}: {@code off[j + 1] - off[j]}). */
    static int commonLength(int[] off, int i) {
        return Math.min(Math.min(off[i + 1] - off[i], off[i + 2] - off[i + 1]),
                Math.min(off[i + 3] - off[i + 2], off[i + 4] - off[i + 3]));
    }

    /** Columns {@code [c, n)} of one gathered row, one at a time. */
    static void gatherColumns(int[] idx, int from, int to, float[] b, int n, float[] out, int o, int c) {
        for (; c < n; c++) {
            float s = 0f;
            for (int p = from; p < to; p++) {
                s += b[idx[p] * n + c];
            }
            out[o + c] = s;
        }
    }

    /**
     * {@code out[o + j] = sum_t a[aOff + t * aStride] * b[t * n + j]} for {@code t < k}, {@code j < n}: one
     * output row, summed in {@code t} order, sixteen columns at a time in registers.
     */
    @Override
    public void rowTimesMatrix(float[] a, int aOff, int aStride, float[] b, int k, int n, float[] out, int o) {
        int c = 0;
        for (; c + 16 <= n; c += 16) {
            float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
            float a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
            for (int t = 0; t < k; t++) {
                float s = a[aOff + t * aStride];
                int r = t * n + c;
                a0 += s * b[r];
                a1 += s * b[r + 1];
                a2 += s * b[r + 2];
                a3 += s * b[r + 3];
                a4 += s * b[r + 4];
                a5 += s * b[r + 5];
                a6 += s * b[r + 6];
                a7 += s * b[r + 7];
                a8 += s * b[r + 8];
                a9 += s * b[r + 9];
                a10 += s * b[r + 10];
                a11 += s * b[r + 11];
                a12 += s * b[r + 12];
                a13 += s * b[r + 13];
                a14 += s * b[r + 14];
                a15 += s * b[r + 15];
            }
            int q = o + c;
            out[q] = a0;
            out[q + 1] = a1;
            out[q + 2] = a2;
            out[q + 3] = a3;
            out[q + 4] = a4;
            out[q + 5] = a5;
            out[q + 6] = a6;
            out[q + 7] = a7;
            out[q + 8] = a8;
            out[q + 9] = a9;
            out[q + 10] = a10;
            out[q + 11] = a11;
            out[q + 12] = a12;
            out[q + 13] = a13;
            out[q + 14] = a14;
            out[q + 15] = a15;
        }
        columnsTimesMatrix(a, aOff, aStride, b, k, n, out, o, c);
    }

    /**
     * Output rows {@code [from, to)} of a product narrower than a vector block (the 1-wide output layers),
     * eight rows at a time: one row's sum is a chain of dependent adds, so eight rows' independent chains
     * run in the time of one. Each sum is still in {@code t} order.
     */
    static void narrowRowsTimesMatrix(float[] a, int aRowStep, int aStride, float[] b, int k, int n, float[] out,
            int from, int to) {
        if (n == 1 && aStride == 1) {
            rowDots(a, aRowStep, b, k, out, from, to);
            return;
        }
        int i = from;
        for (; i + 8 <= to; i += 8) {
            int r0 = i * aRowStep;
            for (int c = 0; c < n; c++) {
                float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
                for (int t = 0; t < k; t++) {
                    int at = r0 + t * aStride;
                    float bt = b[t * n + c];
                    s0 += a[at] * bt;
                    s1 += a[at + aRowStep] * bt;
                    s2 += a[at + 2 * aRowStep] * bt;
                    s3 += a[at + 3 * aRowStep] * bt;
                    s4 += a[at + 4 * aRowStep] * bt;
                    s5 += a[at + 5 * aRowStep] * bt;
                    s6 += a[at + 6 * aRowStep] * bt;
                    s7 += a[at + 7 * aRowStep] * bt;
                }
                int o = i * n + c;
                out[o] = s0;
                out[o + n] = s1;
                out[o + 2 * n] = s2;
                out[o + 3 * n] = s3;
                out[o + 4 * n] = s4;
                out[o + 5 * n] = s5;
                out[o + 6 * n] = s6;
                out[o + 7 * n] = s7;
            }
        }
        for (; i < to; i++) {
            columnsTimesMatrix(a, i * aRowStep, aStride, b, k, n, out, i * n, 0);
        }
    }

    /**
     * {@code narrowRowsTimesMatrix} for a one-wide {@code b} and rows of {@code a} that are contiguous (a 1-wide
     * output layer's forward pass, and a batch of one's input gradient): the same products summed in the same
     * order, with {@code b} read as a vector and no column loop. With the strides fixed the JIT drops the index
     * arithmetic and range checks the general loop pays per load; a Boston step's 64 x 64 input gradient took
     * 1.8-2.1 us that way and takes 1.0-1.2 us this way.
     */
    private static void rowDots(float[] a, int step, float[] b, int k, float[] out, int from, int to) {
        rowDots(a, step, k, b, null, from, to - from, out);
    }

    /**
     * The dot products with {@code b} of {@code count} rows of {@code a} (row {@code r} the {@code k} values from
     * {@code r * step}): {@code rows[0 .. count)}, or with {@code rows} null the rows from {@code first}. Each goes
     * into {@code out} at its row, its products added in order from zero, eight rows at a time, each a chain of
     * dependent adds. The last group of eight ends at the last row, recomputing rows of the group before (the same
     * values), or, with fewer than eight rows, repeats the last: one row alone takes about as long as eight together.
     */
    static void rowDots(float[] a, int step, int k, float[] b, int[] rows, int first, int count, float[] out) {
        if (count == 0) {
            return;
        }
        int covered = Math.max(count, 8);
        for (int q = 0; q < covered; q += 8) {
            int p = Math.min(q, covered - 8);
            int i0 = row(rows, first, count, p);
            int i1 = row(rows, first, count, p + 1);
            int i2 = row(rows, first, count, p + 2);
            int i3 = row(rows, first, count, p + 3);
            int i4 = row(rows, first, count, p + 4);
            int i5 = row(rows, first, count, p + 5);
            int i6 = row(rows, first, count, p + 6);
            int i7 = row(rows, first, count, p + 7);
            int r0 = i0 * step;
            int r1 = i1 * step;
            int r2 = i2 * step;
            int r3 = i3 * step;
            int r4 = i4 * step;
            int r5 = i5 * step;
            int r6 = i6 * step;
            int r7 = i7 * step;
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
            for (int t = 0; t < k; t++) {
                float bt = b[t];
                s0 += a[r0 + t] * bt;
                s1 += a[r1 + t] * bt;
                s2 += a[r2 + t] * bt;
                s3 += a[r3 + t] * bt;
                s4 += a[r4 + t] * bt;
                s5 += a[r5 + t] * bt;
                s6 += a[r6 + t] * bt;
                s7 += a[r7 + t] * bt;
            }
            out[i0] = s0;
            out[i1] = s1;
            out[i2] = s2;
            out[i3] = s3;
            out[i4] = s4;
            out[i5] = s5;
            out[i6] = s6;
            out[i7] = s7;
        }
    }

    /** Row {@code i} of {@link #rowDots}'s rows, the last one for {@code i} past them. */
    private static int row(int[] rows, int first, int count, int i) {
        int j = Math.min(i, count - 1);
        return rows == null ? first + j : rows[j];
    }

    /** Columns {@code [c, n)} of one output row, one at a time. */
    static void columnsTimesMatrix(float[] a, int aOff, int aStride, float[] b, int k, int n, float[] out, int o,
            int c) {
        for (; c < n; c++) {
            float sum = 0f;
            for (int t = 0; t < k; t++) {
                sum += a[aOff + t * aStride] * b[t * n + c];
            }
            out[o + c] = sum;
        }
    }

    // The two loops below are unrolled by hand: C2 (JDK 17) vectorises only long loops, and a 16-wide
    // row add left as a loop runs scalar with loop overhead. Sixteen register accumulators halve the time.

    /** {@code out[o .. o+16) = sum over p of b[idx[p] * n + c .. +16)}. */
    static void gatherSum16(int[] idx, int from, int to, float[] b, int n, int c, float[] out, int o) {
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        float a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
        for (int p = from; p < to; p++) {
            int r = idx[p] * n + c;
            a0 += b[r];
            a1 += b[r + 1];
            a2 += b[r + 2];
            a3 += b[r + 3];
            a4 += b[r + 4];
            a5 += b[r + 5];
            a6 += b[r + 6];
            a7 += b[r + 7];
            a8 += b[r + 8];
            a9 += b[r + 9];
            a10 += b[r + 10];
            a11 += b[r + 11];
            a12 += b[r + 12];
            a13 += b[r + 13];
            a14 += b[r + 14];
            a15 += b[r + 15];
        }
        out[o] = a0;
        out[o + 1] = a1;
        out[o + 2] = a2;
        out[o + 3] = a3;
        out[o + 4] = a4;
        out[o + 5] = a5;
        out[o + 6] = a6;
        out[o + 7] = a7;
        out[o + 8] = a8;
        out[o + 9] = a9;
        out[o + 10] = a10;
        out[o + 11] = a11;
        out[o + 12] = a12;
        out[o + 13] = a13;
        out[o + 14] = a14;
        out[o + 15] = a15;
    }
}
