package dev.nn.backend.java;

import dev.nn.api.spi.UnaryOp;

/**
 * What a dense layer's forward pass does to each value of its product, applied by the product's kernels to each
 * block of output just written, while it is in cache: add the bias of its column, then the activation (or none).
 * Each value is rounded as by the separate bias add and activation kernels ({@link ElementWise}): the same bits.
 * With {@code vectors}, spans of whole vectors take the bias (and relu) on the Vector API: a short scalar loop per
 * block, compiled with the JIT's set-up and tail loops each time, made imdb-wide's forward pass slower than the
 * two separate passes it replaced.
 */
record Epilogue(float[] bias, UnaryOp activation, boolean vectors) {

    /** Whether {@code op} is an activation this applies: relu, sigmoid, tanh or none (null). */
    static boolean supports(UnaryOp op) {
        return op == null || op == UnaryOp.RELU || op == UnaryOp.SIGMOID || op == UnaryOp.TANH;
    }

    /**
     * Columns {@code [c, c + width)} of {@code rows} output rows {@code n} wide, the first of them starting at
     * {@code out[o]} (column {@code c}).
     */
    void apply(float[] out, int o, int n, int rows, int c, int width) {
        if (vectors && width % VectorKernels.L == 0 && (activation == null || activation == UnaryOp.RELU)) {
            for (int r = 0; r < rows; r++) {
                VectorKernels.biasRelu(out, o + r * n, bias, c, width, activation == UnaryOp.RELU);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int at = o + r * n;
            for (int j = 0; j < width; j++) {
                out[at + j] = out[at + j] + bias[c + j];
            }
            if (activation != null) {
                ElementWise.unary(activation, out, out, at, at + width);
            }
        }
    }
}
