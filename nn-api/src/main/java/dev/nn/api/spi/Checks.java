package dev.nn.api.spi;

import dev.nn.api.ShapeException;
import dev.nn.api.Tensor;

/**
 * Shape checks shared by every backend, so that all of them reject bad input with the same
 * message naming the op and the shapes.
 */
public final class Checks {

    private Checks() {
    }

    /** {@code out = op(a) x op(b)}, where {@code op} transposes when its flag is set. */
    public static void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        int m = transposeA ? a.cols() : a.rows();
        int k = transposeA ? a.rows() : a.cols();
        int kb = transposeB ? b.cols() : b.rows();
        int n = transposeB ? b.rows() : b.cols();
        if (k != kb) {
            throw new ShapeException("matmul: cannot multiply " + describe(a, transposeA) + " by "
                    + describe(b, transposeB) + ": inner dimensions " + k + " and " + kb + " differ");
        }
        if (b.isSparse()) {
            throw new ShapeException("matmul: a sparse tensor can only be the left operand, received right operand "
                    + b.shape());
        }
        dense("matmul", out);
        ShapeException.require("matmul", "output", m, n, out.shape());
    }

    /** The right operand of a binary op: same shape, row vector, column vector or scalar. */
    public static void broadcast(String op, Tensor a, Tensor b, Tensor out) {
        dense(op, a);
        dense(op, b);
        boolean rowsOk = b.rows() == a.rows() || b.rows() == 1;
        boolean colsOk = b.cols() == a.cols() || b.cols() == 1;
        if (!rowsOk || !colsOk) {
            throw new ShapeException(op + ": cannot broadcast " + b.shape() + " to " + a.shape());
        }
        sameShape(op, a, out);
    }

    /** Element-wise op: {@code out} has the shape of {@code x}. */
    public static void sameShape(String op, Tensor x, Tensor out) {
        dense(op, x);
        dense(op, out);
        ShapeException.require(op, "output", x.shape(), out.shape());
    }

    /** Reduction along {@code axis} 0 (to a row vector) or 1 (to a column vector). */
    public static void sum(Tensor x, int axis, Tensor out) {
        dense("sum", x);
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException(
                    "Received an invalid value for axis, expected 0 or 1. Received: axis=" + axis);
        }
        ShapeException.require("sum", "output", axis == 0 ? 1 : x.rows(), axis == 0 ? x.cols() : 1, out.shape());
    }

    /** The gradient of an activation, which is only defined here for relu, sigmoid and tanh. */
    public static void activationGradient(UnaryOp activation, Tensor y, Tensor gradY, Tensor out) {
        if (activation != UnaryOp.RELU && activation != UnaryOp.SIGMOID && activation != UnaryOp.TANH) {
            throw new IllegalArgumentException(
                    "Received an invalid value for activation, expected RELU, SIGMOID or TANH. Received: activation="
                            + activation);
        }
        sameShape("activationGradient", y, gradY);
        sameShape("activationGradient", y, out);
    }

    /** Positive thread counts only. */
    public static int threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "Received an invalid value for threads, expected a positive integer. Received: threads=" + threads);
        }
        return threads;
    }

    private static void dense(String op, Tensor t) {
        if (t.isSparse()) {
            throw new ShapeException(op + ": expected a dense tensor, received a sparse " + t.shape());
        }
    }

    private static String describe(Tensor t, boolean transposed) {
        return (t.isSparse() ? "sparse " : "") + t.shape() + (transposed ? "^T" : "");
    }
}
