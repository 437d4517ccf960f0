package dev.nn.backend.java;

import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.UnaryOp;

/** Element-wise kernels, reductions, softmax and the fused optimizer steps. One loop per op, so the JIT vectorises each. */
final class ElementWise {

    /** Chunks of an element-wise loop start at multiples of this: whole vectors, whole cache lines. */
    private static final int SPAN = 16;

    private final Parallel parallel;
    private final boolean vectors;

    /** With {@code vectors}, the loops the JIT does not vectorise itself run on the Vector API (same bits). */
    ElementWise(Parallel parallel, boolean vectors) {
        this.parallel = parallel;
        this.vectors = vectors;
    }

    void unary(UnaryOp op, float[] x, float[] out) {
        parallel.range(x.length, x.length * 8L, SPAN, (from, to) -> unary(op, x, out, from, to));
    }

    /** {@code out[i] = op(x[i])} for {@code i} in {@code [from, to)}: every element-wise op's one definition. */
    static void unary(UnaryOp op, float[] x, float[] out, int from, int to) {
        switch (op) {
            case RELU -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(x[i], 0f);
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    out[i] = sigmoid(x[i]);
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    out[i] = tanh(x[i]);
                }
            }
            case EXP -> {
                for (int i = from; i < to; i++) {
                    out[i] = (float) Math.exp(x[i]);
                }
            }
            case LOG -> {
                for (int i = from; i < to; i++) {
                    out[i] = (float) Math.log(x[i]);
                }
            }
            case SQRT -> {
                for (int i = from; i < to; i++) {
                    out[i] = (float) Math.sqrt(x[i]);
                }
            }
            case SQUARE -> {
                for (int i = from; i < to; i++) {
                    out[i] = x[i] * x[i];
                }
            }
            case ABS -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.abs(x[i]);
                }
            }
            case NEG -> {
                for (int i = from; i < to; i++) {
                    out[i] = -x[i];
                }
            }
        }
    }

    /** {@code tanh(x)}'s bracket in {@link #tanh}: {@code 1 -+ 2^-36}. */
    private static final double TANH_LOW = 1 - 0x1p-36;
    private static final double TANH_HIGH = 1 + 0x1p-36;

    /**
     * {@code (float) Math.tanh(x)}, the same bits, about five times faster: on JDK 17 {@code Math.tanh} is fdlibm's,
     * 40 ns a call here, most of a tanh layer's forward pass. For {@code 2^-12 <= |x| < 16} it computes
     * {@code t = (e - 1) / (e + 1)}, {@code e = Math.exp(2|x|)} (an intrinsic, within 1 ulp): relative error below
     * {@code 2^-40} (at most {@code 2^11 ulp} where {@code e - 1} cancels, plus three roundings), and
     * {@code Math.tanh} is within 2.5 ulps, so both lie in {@code t (1 -+ 2^-36)}. Rounding to float is monotonic:
     * where both ends of that bracket round to the same float, so does {@code Math.tanh(|x|)}, and tanh is odd
     * (fdlibm computes it on {@code |x|} too). Elsewhere (about one value in 2^11, and every other x) it calls
     * {@code Math.tanh}. A test compares it with {@code Math.tanh} on every float of the range and beyond.
     */
    static float tanh(float x) {
        float ax = Math.abs(x);
        if (ax >= 0x1p-12f && ax < 16f) {
            double e = Math.exp(2.0 * ax);
            double t = (e - 1.0) / (e + 1.0);
            float low = (float) (t * TANH_LOW);
            if (low == (float) (t * TANH_HIGH)) {
                return Math.copySign(low, x);
            }
        }
        return (float) Math.tanh(x);
    }

    /** Numerically stable on both sides: never exponentiates a large positive number. */
    static float sigmoid(float x) {
        if (x >= 0) {
            return (float) (1 / (1 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1 + e));
    }

    void binary(BinaryOp op, float[] a, int rows, int cols, float[] b, int bRows, int bCols, float[] out) {
        // b's strides: 0 along a broadcast dimension
        int rowStride = bRows == 1 ? 0 : bCols;
        int colStride = bCols == 1 ? 0 : 1;
        parallel.range(rows, (long) rows * cols, (from, to) -> {
            for (int i = from; i < to; i++) {
                int o = i * cols;
                int bo = i * rowStride;
                if (colStride == 1) {
                    switch (op) {
                        case ADD -> {
                            for (int j = 0; j < cols; j++) {
                                out[o + j] = a[o + j] + b[bo + j];
                            }
                        }
                        case SUB -> {
                            for (int j = 0; j < cols; j++) {
                                out[o + j] = a[o + j] - b[bo + j];
                            }
                        }
                        case MUL -> {
                            for (int j = 0; j < cols; j++) {
                                out[o + j] = a[o + j] * b[bo + j];
                            }
                        }
                        case DIV -> {
                            for (int j = 0; j < cols; j++) {
                                out[o + j] = a[o + j] / b[bo + j];
                            }
                        }
                    }
                } else {
                    float s = b[bo];
                    for (int j = 0; j < cols; j++) {
                        out[o + j] = apply(op, a[o + j], s);
                    }
                }
            }
        });
    }

    private static float apply(BinaryOp op, float a, float b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
        };
    }

    void affine(float[] x, float scale, float shift, float[] out) {
        parallel.range(x.length, x.length, SPAN, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = scale * x[i] + shift;
            }
        });
    }

    /** {@code y += s * x}. */
    void affineInto(float[] x, float s, float[] y) {
        parallel.range(x.length, x.length, SPAN, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] += s * x[i];
            }
        });
    }

    void sum(float[] x, int rows, int cols, int axis, float[] out) {
        if (axis == 0) {
            // threads split the columns (a bias gradient, 128 x 4096, was a twentieth of a reuters-wide step on
            // one core); every column is still summed over the rows in order, from zero
            parallel.range(cols, (long) rows * cols * 2, SPAN, (from, to) -> {
                java.util.Arrays.fill(out, from, to, 0f);
                for (int i = 0; i < rows; i++) {
                    int r = i * cols;
                    for (int j = from; j < to; j++) {
                        out[j] += x[r + j];
                    }
                }
            });
        } else {
            for (int i = 0; i < rows; i++) {
                float s = 0f;
                for (int j = 0; j < cols; j++) {
                    s += x[i * cols + j];
                }
                out[i] = s;
            }
        }
    }

    void softmax(float[] x, int rows, int cols, float[] out) {
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[o + j]);
            }
            float total = 0f;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(x[o + j] - max);
                out[o + j] = e;
                total += e;
            }
            float inv = 1f / total;
            for (int j = 0; j < cols; j++) {
                out[o + j] *= inv;
            }
        }
    }

    void activationGradient(UnaryOp activation, float[] y, float[] g, float[] out) {
        parallel.range(y.length, y.length * 2L, SPAN, (from, to) -> activationGradient(activation, y, g, out, from,
                to));
    }

    /**
     * {@link #activationGradient} and the sums of its columns ({@link #sum} along axis 0) in one pass: threads split
     * the columns, and every row's span of them is written, then added into the sums, in row order from zero.
     */
    void activationGradientAndSums(UnaryOp activation, float[] y, float[] g, float[] out, int rows, int cols,
            float[] sums) {
        boolean fusedRelu = vectors && activation == UnaryOp.RELU;
        parallel.range(cols, (long) rows * cols * 3, SPAN, (from, to) -> {
            java.util.Arrays.fill(sums, from, to, 0f);
            for (int r = 0; r < rows * cols; r += cols) {
                if (fusedRelu) {
                    VectorKernels.reluGradientAndSums(y, g, out, r, from, to, sums);
                } else {
                    activationGradient(activation, y, g, out, r + from, r + to);
                    for (int j = from; j < to; j++) {
                        sums[j] += out[r + j];
                    }
                }
            }
        });
    }

    private void activationGradient(UnaryOp activation, float[] y, float[] g, float[] out, int from, int to) {
        switch (activation) {
            case RELU -> {
                if (vectors) {
                    // a branch per value, mispredicted half the time, cost as much as a 128 x 4096 matmul row
                    VectorKernels.reluGradient(y, g, out, from, to);
                } else {
                    for (int i = from; i < to; i++) {
                        out[i] = y[i] > 0f ? g[i] : 0f;
                    }
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    out[i] = g[i] * y[i] * (1f - y[i]);
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    out[i] = g[i] * (1f - y[i] * y[i]);
                }
            }
            default -> throw new IllegalArgumentException("no gradient kernel for " + activation);
        }
    }

    /** Keras 3 RMSprop, fused: {@code v = rho v + (1 - rho) g^2; w -= lr g / sqrt(v + eps)}. */
    void rmsProp(float[] w, float[] g, float[] v, float lr, float rho, float eps) {
        parallel.range(w.length, w.length * 4L, SPAN, (from, to) -> rmsPropSpan(w, g, 0, v, from, to - from, 0, lr,
                rho, eps));
    }

    /**
     * The RMSprop step over {@code len} values: {@code w} and {@code v} from {@code at}, {@code g} from
     * {@code at - gShift} (a row of a compact row-sparse gradient, {@link RowSparse}). Each velocity is first
     * multiplied by {@code rho} {@code decays} times, one after another: the steps a row-sparse row skipped,
     * paid while the velocity is in a register instead of in a pass of their own over it.
     */
    void rmsPropSpan(float[] w, float[] g, int gShift, float[] v, int at, int len, int decays, float lr, float rho,
            float eps) {
        float oneMinusRho = 1f - rho;
        int to = at + len;
        int i = at;
        if (vectors) {
            // the JIT leaves this loop scalar (its float-double-float square root); the vector square root
            // is correctly rounded in float, as (float) Math.sqrt of a float is, so the bits are the same
            i = VectorKernels.rmsProp(w, g, gShift, v, decays, lr, rho, oneMinusRho, eps, at, to);
        }
        for (; i < to; i++) {
            float gi = g[i - gShift];
            float old = v[i];
            for (int d = 0; d < decays; d++) {
                old = rho * old;
            }
            float vi = rho * old + oneMinusRho * (gi * gi);
            v[i] = vi;
            w[i] -= lr * gi / (float) Math.sqrt(vi + eps);
        }
    }

    /** Keras 3 Adam, fused, with the bias-corrected rate {@code alpha}. */
    void adam(float[] w, float[] g, float[] m, float[] v, float alpha, float beta1, float beta2, float eps) {
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        parallel.range(w.length, w.length * 6L, SPAN, (from, to) -> {
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float mi = m[i] + (gi - m[i]) * c1;
                float vi = v[i] + (gi * gi - v[i]) * c2;
                m[i] = mi;
                v[i] = vi;
                w[i] -= alpha * mi / ((float) Math.sqrt(vi) + eps);
            }
        });
    }
}
