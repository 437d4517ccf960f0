package dev.nn.backend.java;

import dev.nn.api.data.MultiHotRows;

/**
 * The matmul kernels. Each output element is summed in index order on one thread, so results are
 * the same for any thread count. Inner loops keep sixteen output columns in registers; sparse multi-hot operands become gather-sums (forward) and
 * scatter-adds (the kernel gradient) that never touch a zero.
 */
final class MatMul {

    /** Whether the Vector API kernels can run in this JVM on this CPU. */
    static final boolean VECTORS_AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && VectorKernels.supported();

    private final Parallel parallel;
    private final boolean vectors;

    MatMul(Parallel parallel, boolean vectors) {
        this.parallel = parallel;
        this.vectors = vectors && VECTORS_AVAILABLE;
    }

    boolean vectors() {
        return vectors;
    }

    /** {@code out(m, n) = a(m, k) x b(k, n)}. Threads split the rows. */
    void nn(float[] a, float[] b, float[] out, int m, int k, int n) {
        parallel.range(m, (long) m * k * n, (from, to) -> rowsTimesMatrix(a, k, 1, b, k, n, out, from, to));
    }

    /** {@code out(m, n) = a(r, m)^T x b(r, n)}: the kernel gradient of a dense input. Threads split the rows. */
    void tn(float[] a, float[] b, float[] out, int r, int m, int n) {
        parallel.range(m, (long) r * m * n, (from, to) -> rowsTimesMatrix(a, 1, m, b, r, n, out, from, to));
    }

    /**
     * Output rows {@code [from, to)}: row {@code i} is {@code sum_t a[i * aRowStep + t * aStride] * b[t, :]}.
     * With the vector kernels, four rows at a time share each load of {@code b} (a quarter of the memory
     * traffic); every element is still summed in {@code t} order, so the grouping changes no bits.
     */
    private void rowsTimesMatrix(float[] a, int aRowStep, int aStride, float[] b, int k, int n, float[] out, int from,
            int to) {
        int i = from;
        if (vectors && n >= 16) {
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
        }
        for (; i < to; i++) {
            rowTimesMatrix(a, i * aRowStep, aStride, b, k, n, out, i * n, vectors);
        }
    }

    /**
     * {@code out[o + j] = sum_t a[aOff + t * aStride] * b[t * n + j]} for {@code t < k}, {@code j < n}: one
     * output row, summed in {@code t} order, sixteen columns at a time in registers.
     */
    private static void rowTimesMatrix(float[] a, int aOff, int aStride, float[] b, int k, int n, float[] out, int o,
            boolean vectors) {
        int c = 0;
        for (; vectors && c + 16 <= n; c += 16) {
            VectorKernels.rowTimesMatrix16(a, aOff, aStride, b, k, n, c, out, o + c);
        }
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
        if (vectors && c < n && n >= 16) {
            VectorKernels.rowTimesMatrix16(a, aOff, aStride, b, k, n, n - 16, out, o + n - 16);
            return;
        }
        for (; c < n; c++) {
            float sum = 0f;
            for (int t = 0; t < k; t++) {
                sum += a[aOff + t * aStride] * b[t * n + c];
            }
            out[o + c] = sum;
        }
    }

    /** {@code out(m, n) = a(m, k) x b(n, k)^T}: the input gradient. */
    void nt(float[] a, float[] b, float[] out, int m, int k, int n) {
        if (m == 1) {
            // batch size 1: k-long dot products beat transposing b on every step
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += a[p] * b[j * k + p];
                }
                out[j] = s;
            }
            return;
        }
        nn(a, transpose(b, n, k), out, m, k, n);
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
        int[] off = x.offsets();
        int[] idx = x.indices();
        parallel.range(x.rows(), (long) x.nonZeros() * n, (from, to) -> {
            for (int i = from; i < to; i++) {
                int c = 0;
                for (; vectors && c + 64 <= n; c += 64) {
                    VectorKernels.gatherSum64(idx, off[i], off[i + 1], b, n, c, out, i * n + c);
                }
                for (; c + 16 <= n; c += 16) {
                    if (vectors) {
                        VectorKernels.gatherSum16(idx, off[i], off[i + 1], b, n, c, out, i * n + c);
                    } else {
                        gatherSum16(idx, off[i], off[i + 1], b, n, c, out, i * n + c);
                    }
                }
                if (vectors && c < n && n >= 16) {
                    VectorKernels.gatherSum16(idx, off[i], off[i + 1], b, n, n - 16, out, i * n + n - 16);
                    continue;
                }
                for (; c < n; c++) {
                    float s = 0f;
                    for (int p = off[i]; p < off[i + 1]; p++) {
                        s += b[idx[p] * n + c];
                    }
                    out[i * n + c] = s;
                }
            }
        });
    }

    /**
     * {@code out(k, n) = x(rows, k)^T x g(rows, n)} for multi-hot {@code x}: each row of {@code g} is added
     * to the output rows its ones name. Threads split the output rows (the vocabulary); each finds its
     * slice of every sorted index row by binary search, so every output element is still summed in
     * row order.
     */
    void sparseT(MultiHotRows x, float[] g, float[] out, int n) {
        int[] off = x.offsets();
        int[] idx = x.indices();
        int k = out.length / Math.max(1, n);
        parallel.range(k, (long) x.nonZeros() * n, (v0, v1) -> {
            java.util.Arrays.fill(out, v0 * n, v1 * n, 0f);
            for (int i = 0; i < x.rows(); i++) {
                int p0 = lowerBound(idx, off[i], off[i + 1], v0);
                int p1 = lowerBound(idx, p0, off[i + 1], v1);
                if (p0 == p1) {
                    continue;
                }
                int c = 0;
                for (; vectors && c + 64 <= n; c += 64) {
                    VectorKernels.scatterAdd64(idx, p0, p1, g, i * n + c, out, n, c);
                }
                for (; c + 16 <= n; c += 16) {
                    if (vectors) {
                        VectorKernels.scatterAdd16(idx, p0, p1, g, i * n + c, out, n, c);
                    } else {
                        scatterAdd16(idx, p0, p1, g, i * n + c, out, n, c);
                    }
                }
                if (vectors && c < n && n >= 16) {
                    VectorKernels.scatterAddLast16(idx, p0, p1, g, i * n + n - 16, out, n, 16 - (n - c));
                    continue;
                }
                for (; c < n; c++) {
                    float gc = g[i * n + c];
                    for (int p = p0; p < p1; p++) {
                        out[idx[p] * n + c] += gc;
                    }
                }
            }
        });
    }

    /** First position in {@code idx[from, to)} (sorted) holding a value {@code >= v}. */
    private static int lowerBound(int[] idx, int from, int to, int v) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (idx[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // The two loops below are unrolled by hand: C2 (JDK 17) vectorises only long loops, and a 16-wide
    // row add left as a loop runs scalar with loop overhead. Sixteen register accumulators halve the time.

    /** {@code out[o .. o+16) = sum over p of b[idx[p] * n + c .. +16)}. */
    private static void gatherSum16(int[] idx, int from, int to, float[] b, int n, int c, float[] out, int o) {
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

    /** {@code out[idx[p] * n + c .. +16) += g[gi .. gi+16)} for every p. */
    private static void scatterAdd16(int[] idx, int from, int to, float[] g, int gi, float[] out, int n, int c) {
        float g0 = g[gi], g1 = g[gi + 1], g2 = g[gi + 2], g3 = g[gi + 3];
        float g4 = g[gi + 4], g5 = g[gi + 5], g6 = g[gi + 6], g7 = g[gi + 7];
        float g8 = g[gi + 8], g9 = g[gi + 9], g10 = g[gi + 10], g11 = g[gi + 11];
        float g12 = g[gi + 12], g13 = g[gi + 13], g14 = g[gi + 14], g15 = g[gi + 15];
        for (int p = from; p < to; p++) {
            int r = idx[p] * n + c;
            out[r] += g0;
            out[r + 1] += g1;
            out[r + 2] += g2;
            out[r + 3] += g3;
            out[r + 4] += g4;
            out[r + 5] += g5;
            out[r + 6] += g6;
            out[r + 7] += g7;
            out[r + 8] += g8;
            out[r + 9] += g9;
            out[r + 10] += g10;
            out[r + 11] += g11;
            out[r + 12] += g12;
            out[r + 13] += g13;
            out[r + 14] += g14;
            out[r + 15] += g15;
        }
    }

    static float[] transpose(float[] b, int rows, int cols) {
        float[] t = new float[b.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = b[i * cols + j];
            }
        }
        return t;
    }


}
