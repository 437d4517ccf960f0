package dev.nn.testkit.conformance;

import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.UnaryOp;

/** Plain, obviously correct float64 loops that every kernel is held to. */
public final class Reference {

    private Reference() {
    }

    /** {@code op(a) x op(b)}, with {@code a} of shape {@code (ar, ac)} and {@code b} of shape {@code (br, bc)}. */
    public static float[] matmul(float[] a, int ar, int ac, boolean ta, float[] b, int br, int bc, boolean tb) {
        int m = ta ? ac : ar;
        int k = ta ? ar : ac;
        int n = tb ? br : bc;
        float[] out = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[p * ac + i] : a[i * ac + p];
                    double y = tb ? b[j * bc + p] : b[p * bc + j];
                    s += x * y;
                }
                out[i * n + j] = (float) s;
            }
        }
        return out;
    }

    public static float unary(UnaryOp op, float x) {
        return switch (op) {
            case RELU -> Math.max(x, 0f);
            case SIGMOID -> (float) (1 / (1 + Math.exp(-(double) x)));
            case TANH -> (float) Math.tanh(x);
            case EXP -> (float) Math.exp(x);
            case LOG -> (float) Math.log(x);
            case SQRT -> (float) Math.sqrt(x);
            case SQUARE -> x * x;
            case ABS -> Math.abs(x);
            case NEG -> -x;
        };
    }

    /** {@code a op b} with {@code b} broadcast from {@code (br, bc)} to {@code (rows, cols)}. */
    public static float[] binary(BinaryOp op, float[] a, int rows, int cols, float[] b, int br, int bc) {
        float[] out = new float[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                float x = a[i * cols + j];
                float y = b[(br == 1 ? 0 : i) * bc + (bc == 1 ? 0 : j)];
                out[i * cols + j] = switch (op) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> x / y;
                };
            }
        }
        return out;
    }

    public static float[] sum(float[] x, int rows, int cols, int axis) {
        float[] out = new float[axis == 0 ? cols : rows];
        double[] acc = new double[out.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                acc[axis == 0 ? j : i] += x[i * cols + j];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) acc[i];
        }
        return out;
    }

    public static float[] softmax(float[] x, int rows, int cols) {
        float[] out = new float[x.length];
        for (int i = 0; i < rows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[i * cols + j]);
            }
            double total = 0;
            for (int j = 0; j < cols; j++) {
                total += Math.exp(x[i * cols + j] - max);
            }
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = (float) (Math.exp(x[i * cols + j] - max) / total);
            }
        }
        return out;
    }

    /** Derivative of the activation written in terms of its output {@code y}, times {@code g}. */
    public static float activationGradient(UnaryOp op, float y, float g) {
        return switch (op) {
            case RELU -> y > 0 ? g : 0;
            case SIGMOID -> g * y * (1 - y);
            case TANH -> g * (1 - y * y);
            default -> throw new IllegalArgumentException(op.name());
        };
    }
}
