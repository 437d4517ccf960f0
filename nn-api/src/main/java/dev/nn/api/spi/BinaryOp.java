package dev.nn.api.spi;

/**
 * Element-wise functions of two tensors, {@code out = a op b}. The right operand broadcasts:
 * it may have the shape of {@code a}, be a row vector {@code (1, cols)}, a column vector
 * {@code (rows, 1)} or a scalar {@code (1, 1)}.
 */
public enum BinaryOp {
    ADD,
    SUB,
    MUL,
    DIV;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    /** The name in lower case, as kernels name the op in their messages ({@code add}). */
    public String label() {
        return label;
    }
}
