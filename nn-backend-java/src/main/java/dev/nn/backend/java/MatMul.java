package dev.nn.backend.java;

import dev.nn.api.data.MultiHotRows;

/**
 * The matmul kernels. Inner loops run over contiguous output rows ({@code out[i, :] += s * b[k, :]}),
 * which C2 turns into AVX FMAs; sparse multi-hot operands become gather-sums (forward) and
 * scatter-adds (the kernel gradient) that never touch a zero.
 */
final class MatMul {

    private final Parallel parallel;

    MatMul(Parallel parallel) {
        this.parallel = parallel;
    }

    /** {@code out(m, n) = a(m, k) x b(k, n)}. */
    void nn(float[] a, float[] b, float[] out, int m, int k, int n) {
        parallel.range(m, (long) m * k * n, (from, to) -> {
            for (int i = from; i < to; i++) {
                int o = i * n;
                java.util.Arrays.fill(out, o, o + n, 0f);
                for (int p = 0; p < k; p++) {
                    float s = a[i * k + p];
                    if (s != 0f) {
                        axpy(s, b, p * n, out, o, n);
                    }
                }
            }
        });
    }

    /** {@code out(m, n) = a(r, m)^T x b(r, n)}: the kernel gradient of a dense input. */
    void tn(float[] a, float[] b, float[] out, int r, int m, int n) {
        parallel.range(m, (long) r * m * n, (from, to) -> {
            java.util.Arrays.fill(out, from * n, to * n, 0f);
            for (int i = 0; i < r; i++) {
                for (int p = from; p < to; p++) {
                    float s = a[i * m + p];
                    if (s != 0f) {
                        axpy(s, b, i * n, out, p * n, n);
                    }
                }
            }
        });
    }

    /** {@code out(m, n) = a(m, k) x b(n, k)^T}: the input gradient. */
    void nt(float[] a, float[] b, float[] out, int m, int k, int n) {
        if (m == 1) {
            // one row (batch size 1): dot products beat transposing b
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

    /** {@code out(rows, n) = x(rows, k) x b(k, n)} for multi-hot {@code x}: sums of rows of {@code b}. */
    void sparseN(MultiHotRows x, float[] b, float[] out, int n) {
        int[] off = x.offsets();
        int[] idx = x.indices();
        parallel.range(x.rows(), (long) x.nonZeros() * n, (from, to) -> {
            for (int i = from; i < to; i++) {
                int o = i * n;
                java.util.Arrays.fill(out, o, o + n, 0f);
                for (int p = off[i]; p < off[i + 1]; p++) {
                    add(b, idx[p] * n, out, o, n);
                }
            }
        });
    }

    /**
     * {@code out(k, n) = x(rows, k)^T x g(rows, n)} for multi-hot {@code x}: each row of {@code g} is added
     * to the output rows its ones name. Threads split the columns, so each output element is still
     * summed in row order.
     */
    void sparseT(MultiHotRows x, float[] g, float[] out, int n) {
        int[] off = x.offsets();
        int[] idx = x.indices();
        java.util.Arrays.fill(out, 0f);
        int blocks = Math.max(1, n / 8);
        parallel.range(blocks, (long) x.nonZeros() * n, (fromBlock, toBlock) -> {
            int c0 = (int) ((long) n * fromBlock / blocks);
            int c1 = (int) ((long) n * toBlock / blocks);
            int w = c1 - c0;
            for (int i = 0; i < x.rows(); i++) {
                int gi = i * n + c0;
                for (int p = off[i]; p < off[i + 1]; p++) {
                    add(g, gi, out, idx[p] * n + c0, w);
                }
            }
        });
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

    private static void axpy(float s, float[] x, int xo, float[] y, int yo, int n) {
        for (int j = 0; j < n; j++) {
            y[yo + j] += s * x[xo + j];
        }
    }

    private static void add(float[] x, int xo, float[] y, int yo, int n) {
        for (int j = 0; j < n; j++) {
            y[yo + j] += x[xo + j];
        }
    }
}
