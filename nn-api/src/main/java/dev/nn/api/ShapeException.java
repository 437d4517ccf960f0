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
}
