package dev.nn.api.layers;

import dev.nn.api.Tensor;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.UnaryOp;
import java.util.Locale;

/** The activations of Chapter 3, each with its forward rule and its backward rule side by side. */
public enum Activation {
    LINEAR(null),
    RELU(UnaryOp.RELU),
    SIGMOID(UnaryOp.SIGMOID),
    TANH(UnaryOp.TANH),
    SOFTMAX(null);

    private final UnaryOp op;

    Activation(UnaryOp op) {
        this.op = op;
    }

    /** The element-wise op of this activation (relu, sigmoid, tanh), or null (linear, softmax). */
    UnaryOp elementWise() {
        return op;
    }

    /** Keras's name: {@code relu}, {@code softmax}, ... */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code out = f(z)}; {@code out} may alias {@code z}. */
    public void forward(Backend backend, Tensor z, Tensor out) {
        switch (this) {
            case LINEAR -> {
                if (out != z) {
                    backend.copy(z, out);
                }
            }
            case SOFTMAX -> backend.softmax(z, out);
            default -> backend.unary(op, z, out);
        }
    }

    /**
     * {@code out = dL/dz} from the output {@code y = f(z)} and {@code gradY = dL/dy}; {@code out} may alias
     * {@code gradY}. Softmax: {@code dz = y * (g - sum_j g_j * y_j)}, with {@code scratch} of {@code y}'s shape.
     */
    public void backward(Backend backend, Tensor y, Tensor gradY, Tensor out, Tensor scratch) {
        switch (this) {
            case LINEAR -> {
                if (out != gradY) {
                    backend.copy(gradY, out);
                }
            }
            case SOFTMAX -> {
                backend.binary(BinaryOp.MUL, gradY, y, scratch);
                try (Tensor dot = backend.zeros(y.rows(), 1)) {
                    backend.sum(scratch, 1, dot);
                    backend.binary(BinaryOp.SUB, gradY, dot, out);
                }
                backend.binary(BinaryOp.MUL, out, y, out);
            }
            default -> backend.activationGradient(op, y, gradY, out);
        }
    }

    /** Accepts Keras names ({@code "relu"}) as well as constant names. */
    public static Activation of(String name) {
        for (Activation a : values()) {
            if (a.kerasName().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Received an invalid value for activation, expected one of "
                + java.util.Arrays.stream(values()).map(Activation::kerasName).toList() + ". Received: activation="
                + name);
    }
}
