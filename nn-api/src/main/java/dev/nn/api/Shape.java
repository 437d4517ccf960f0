package dev.nn.api;

/**
 * The shape of a rank-2 tensor. Biases and row vectors are {@code (1, n)}; Chapter 3 needs no other rank.
 *
 * @param rows number of rows (batch dimension for activations)
 * @param cols number of columns (features or units)
 */
public record Shape(int rows, int cols) {

    public Shape {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(
                    "Received an invalid shape, expected non-negative dimensions. Received: (" + rows + ", " + cols + ")");
        }
    }

    public static Shape of(int rows, int cols) {
        return new Shape(rows, cols);
    }

    /** Number of elements; {@code long} because 25,000 x 10,000 does not fit an int. */
    public long size() {
        return (long) rows * cols;
    }

    @Override
    public String toString() {
        return "(" + rows + ", " + cols + ")";
    }
}
