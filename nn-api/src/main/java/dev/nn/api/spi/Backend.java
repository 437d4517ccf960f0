package dev.nn.api.spi;

import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;

/**
 * A compute backend: tensor storage plus the primitive kernels every layer, loss and optimizer is
 * written over. Made by a {@link BackendProvider}, which {@link java.util.ServiceLoader} finds, and
 * chosen by {@link #name()}, the value of the command line's {@code --backend}.
 *
 * <p>Kernels write into a caller-supplied {@code out} tensor so that training loops reuse their
 * buffers. Element-wise kernels accept {@code out} aliasing an input. Every kernel validates shapes
 * with {@link Checks} and throws {@link dev.nn.api.ShapeException} naming the op and the shapes.
 *
 * <p>Layers, losses and optimizers are written over these primitives. A backend may also implement
 * {@link FusedUpdates} to run optimizer steps as fused kernels, and {@link FusedLayers} to run parts of a
 * layer in one call; the conformance suite holds both paths to the same values.
 *
 * <p>A backend instance is not thread-safe: one training loop uses it at a time.
 */
public interface Backend extends AutoCloseable {

    /** The name users pass to {@code --backend}: {@code java}, {@code nd4j}. */
    String name();

    /** How many threads the kernels use. */
    int threads();

    /** One line for logs and reports, e.g. {@code "java (pure Java, 2 threads)"}. */
    String description();

    /** A dense tensor holding a copy of {@code data}, row-major. */
    Tensor upload(float[] data, int rows, int cols);

    /** A sparse multi-hot tensor of the given rows (the backend may keep a reference or densify). */
    Tensor upload(MultiHotRows rows);

    /** A dense tensor of zeros. */
    Tensor zeros(int rows, int cols);

    /** A row-major copy of the values of {@code t}. */
    float[] download(Tensor t);

    /** {@code to = from}, element by element; both dense and of one shape. */
    void copy(Tensor from, Tensor to);

    /** Sets every element of dense {@code t} to {@code value}. */
    void fill(Tensor t, float value);

    /**
     * {@code out = op(a) x op(b)}, where {@code op} transposes when its flag is set. {@code a} may be
     * sparse (multi-hot): then the product is a gather-sum of rows of {@code b}, and its transpose a
     * scatter-add. {@code out} must not alias {@code a} or {@code b}.
     */
    void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out);

    /** {@code out = f(x)} element-wise. */
    void unary(UnaryOp op, Tensor x, Tensor out);

    /** {@code out = a op b} element-wise, {@code b} broadcast as {@link BinaryOp} describes. */
    void binary(BinaryOp op, Tensor a, Tensor b, Tensor out);

    /** {@code out = scale * x + shift} element-wise. */
    void affine(Tensor x, float scale, float shift, Tensor out);

    /** Sum along {@code axis}: 0 gives a {@code (1, cols)} row, 1 a {@code (rows, 1)} column. */
    void sum(Tensor x, int axis, Tensor out);

    /** Row-wise softmax, {@code out[i, j] = exp(x[i, j] - max_i) / sum_j exp(x[i, j] - max_i)}. */
    void softmax(Tensor x, Tensor out);

    /**
     * The gradient through an activation, written in terms of its output {@code y}:
     * relu {@code g * (y > 0)}, sigmoid {@code g * y * (1 - y)}, tanh {@code g * (1 - y^2)}.
     */
    void activationGradient(UnaryOp activation, Tensor y, Tensor gradY, Tensor out);

    /**
     * A new backend of this kind on one thread, with state of its own, for trainings that run side by side on
     * other threads, such as the K folds of a model whose steps are too small to split across threads. Siblings may
     * compute at the same time as each other; whether one may while this backend computes is the implementation's to
     * say (java: yes; nd4j: no, its BLAS thread count is one setting for the process). Empty, the default, where
     * instances share state that side-by-side use would break. The caller closes what it is given.
     */
    default java.util.Optional<Backend> singleThreadedSibling() {
        return java.util.Optional.empty();
    }

    /** Releases threads and native memory held by the backend. */
    @Override
    default void close() {
    }
}
