package dev.nn.api.spi;

/** Element-wise functions of one tensor, {@code out[i] = f(x[i])}. */
public enum UnaryOp {
    /** {@code max(x, 0)}. */
    RELU,
    /** {@code 1 / (1 + exp(-x))}. */
    SIGMOID,
    /** {@code tanh(x)}. */
    TANH,
    /** {@code exp(x)}. */
    EXP,
    /** Natural logarithm. */
    LOG,
    /** Square root. */
    SQRT,
    /** {@code x * x}. */
    SQUARE,
    /** {@code |x|}. */
    ABS,
    /** {@code -x}. */
    NEG;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    /** The name in lower case, as kernels name the op in their messages ({@code relu}). */
    public String label() {
        return label;
    }
}
