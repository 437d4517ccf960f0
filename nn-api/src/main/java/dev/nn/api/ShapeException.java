package dev.nn.api;

/** Thrown when an operation receives tensors of shapes it cannot combine; the message names the op and the shapes. */
public class ShapeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }

    /** Checks that {@code actual} equals {@code expected}, naming {@code op} and {@code what} otherwise. */
    public static void require(String op, String what, Shape expected, Shape actual) {
        if (!expected.equals(actual)) {
            throw new ShapeException(op + ": expected " + what + " of shape " + expected + ", received " + actual);
        }
    }

    /**
     * {@link #require(String, String, Shape, Shape)} for an expected shape of {@code rows x cols}, built only for
     * the message: the checks run on every op of every step (a Boston step makes about twenty), and a shape object
     * for each was a fifth of what a step allocated.
     */
    public static void require(String op, String what, int rows, int cols, Shape actual) {
        if (actual.rows() != rows || actual.cols() != cols) {
            require(op, what, Shape.of(rows, cols), actual);
        }
    }
}
