package dev.nn.backend.java;

import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.Checks;
import dev.nn.api.spi.FusedLayers;
import dev.nn.api.spi.FusedUpdates;
import dev.nn.api.spi.UnaryOp;

/**
 * The pure-Java backend, {@code --backend java}. Tensors are heap float arrays; a multi-hot batch is
 * kept as its index arrays. Kernels split large work across {@link #threads()} threads; results do
 * not depend on the thread count. When the JVM runs with {@code --add-modules jdk.incubator.vector}
 * on a CPU with 256- or 512-bit vectors (AVX2, AVX-512), the inner kernels use the Vector API (several
 * times faster) and give the same bits as the scalar ones.
 *
 * <p>Its optimizer steps are fused single passes ({@link FusedUpdates}); a dense layer's bias and activation are
 * applied by its product's kernels to each block of output as it is written, and its activation's gradient and
 * bias gradient computed in one pass ({@link FusedLayers}): the same bits as the separate kernels, without
 * writing and reading a large output twice more.
 *
 * <pre>{@code
 * try (Backend backend = Backends.create("java", 2)) { ... }
 * }</pre>
 */
public final class JavaBackend implements Backend, FusedUpdates, FusedLayers {

    /** Backends made in this JVM: lets a test show that finding and listing providers makes none. */
    static final java.util.concurrent.atomic.AtomicInteger CREATED = new java.util.concurrent.atomic.AtomicInteger();

    private final Parallel parallel;
    private final MatMul matmul;
    private final ElementWise elementWise;

    public JavaBackend(int threads) {
        this(threads, true);
    }

    /** {@code vectors = false} forces the scalar kernels even where the Vector API is available. */
    JavaBackend(int threads, boolean vectors) {
        this.parallel = new Parallel(Checks.threads(threads));
        CREATED.incrementAndGet();
        this.matmul = new MatMul(parallel, vectors);
        this.elementWise = new ElementWise(parallel, matmul.vectors());
    }

    @Override
    public String name() {
        return "java";
    }

    /** A one-thread backend with the same kernels: its results are this one's, bit for bit, at any thread count. */
    @Override
    public java.util.Optional<Backend> singleThreadedSibling() {
        return java.util.Optional.of(new JavaBackend(1, matmul.vectors()));
    }

    @Override
    public int threads() {
        return parallel.threads();
    }

    @Override
    public String description() {
        return "java (pure Java, " + threads() + (threads() == 1 ? " thread, " : " threads, ")
                + (matmul.vectors() ? (VectorKernels.L * 32) + "-bit Vector API kernels)" : "scalar kernels)");
    }

    @Override
    public Tensor upload(float[] data, int rows, int cols) {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("upload: received " + data.length + " values for shape (" + rows + ", "
                    + cols + ")");
        }
        return new JavaTensor(this, data.clone(), rows, cols);
    }

    @Override
    public Tensor upload(MultiHotRows rows) {
        // MultiHotRows is immutable: keep a reference, never densify.
        return new JavaTensor(this, rows);
    }

    @Override
    public Tensor zeros(int rows, int cols) {
        return new JavaTensor(this, new float[Math.multiplyExact(rows, cols)], rows, cols);
    }

    @Override
    public float[] download(Tensor t) {
        JavaTensor j = own(t);
        return j.isSparse() ? j.sparse.toDense() : j.data.clone();
    }

    @Override
    public void copy(Tensor from, Tensor to) {
        Checks.sameShape("copy", from, to);
        System.arraycopy(own(from).data, 0, own(to).data, 0, own(to).data.length);
    }

    @Override
    public void fill(Tensor t, float value) {
        Checks.sameShape("fill", t, t);
        java.util.Arrays.fill(own(t).data, value);
    }

    @Override
    public void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        Checks.matmul(a, transposeA, b, transposeB, out);
        JavaTensor x = own(a);
        float[] y = own(b).data;
        if (x.isSparse()) {
            float[] bb = transposeB ? matmul.transpose(y, b.rows(), b.cols()) : y;
            if (transposeA) {
                // the kernel gradient of a multi-hot input: written row-sparse, whatever out held
                matmul.sparseT(x.sparse, bb, raw(out), out.cols());
            } else {
                matmul.sparseN(x.sparse, bb, written(out).data, out.cols());
            }
            return;
        }
        int m = out.rows();
        int n = out.cols();
        if (transposeA && !transposeB && a.rows() == 1 && n > 1 && matmul.outerRows(x.data, y, raw(out), m, n)) {
            return;
        }
        // a batch of one's kernel gradient that outerRows wrote row-sparse last step is overwritten, not expanded
        float[] o = written(out).data;
        if (!transposeA && !transposeB) {
            matmul.nn(x.data, y, o, m, a.cols(), n);
        } else if (!transposeA) {
            matmul.nt(x.data, y, o, m, a.cols(), n);
        } else if (!transposeB) {
            matmul.tn(x.data, y, o, a.rows(), m, n);
        } else {
            matmul.tt(x.data, y, o, a.rows(), m, n);
        }
    }

    @Override
    public boolean denseForward(Tensor x, Tensor kernel, Tensor bias, Tensor out) {
        return denseForward(x, kernel, bias, null, out);
    }

    @Override
    public boolean denseForward(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, Tensor out) {
        Checks.matmul(x, false, kernel, false, out);
        Checks.broadcast("denseForward", out, bias, out);
        if (bias.rows() != 1 || bias.cols() != out.cols() || !Epilogue.supports(activation)) {
            return false;
        }
        Epilogue epilogue = new Epilogue(own(bias).data, activation, matmul.vectors());
        JavaTensor a = own(x);
        float[] w = own(kernel).data;
        float[] o = own(out).data;
        if (a.isSparse()) {
            matmul.sparseN(a.sparse, w, o, out.cols(), epilogue);
        } else {
            matmul.nn(a.data, w, o, out.rows(), x.cols(), out.cols(), epilogue);
        }
        return true;
    }

    /** At batch size 1 only: the dot products of the kernel's rows the gate lets through ({@link MatMul#ntGated}). */
    @Override
    public boolean denseInputGradient(Tensor gradZ, Tensor kernel, Tensor gate, Tensor dx) {
        Checks.matmul(gradZ, false, kernel, true, dx);
        Checks.sameShape("denseInputGradient", gate, dx);
        if (gradZ.rows() != 1 || gradZ.isSparse()) {
            return false;
        }
        matmul.ntGated(own(gradZ).data, own(kernel).data, own(gate).data, own(dx).data, gradZ.cols(), dx.cols());
        return true;
    }

    @Override
    public boolean denseActivationBackward(UnaryOp activation, Tensor y, Tensor gradY, Tensor gradZ,
            Tensor biasGradient) {
        Checks.activationGradient(activation, y, gradY, gradZ);
        Checks.sum(gradZ, 0, biasGradient);
        elementWise.activationGradientAndSums(activation, own(y).data, own(gradY).data, own(gradZ).data, y.rows(),
                y.cols(), own(biasGradient).data);
        return true;
    }

    @Override
    public void unary(UnaryOp op, Tensor x, Tensor out) {
        Checks.sameShape(op.label(), x, out);
        elementWise.unary(op, own(x).data, own(out).data);
    }

    @Override
    public void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        Checks.broadcast(op.label(), a, b, out);
        elementWise.binary(op, own(a).data, a.rows(), a.cols(), own(b).data, b.rows(), b.cols(), own(out).data);
    }

    @Override
    public void affine(Tensor x, float scale, float shift, Tensor out) {
        Checks.sameShape("affine", x, out);
        elementWise.affine(own(x).data, scale, shift, own(out).data);
    }

    @Override
    public void sum(Tensor x, int axis, Tensor out) {
        Checks.sum(x, axis, out);
        elementWise.sum(own(x).data, x.rows(), x.cols(), axis, own(out).data);
    }

    @Override
    public void softmax(Tensor x, Tensor out) {
        Checks.sameShape("softmax", x, out);
        elementWise.softmax(own(x).data, x.rows(), x.cols(), own(out).data);
    }

    @Override
    public void activationGradient(UnaryOp activation, Tensor y, Tensor gradY, Tensor out) {
        Checks.activationGradient(activation, y, gradY, out);
        elementWise.activationGradient(activation, own(y).data, own(gradY).data, own(out).data);
    }

    @Override
    public boolean rmsProp(Tensor w, Tensor g, Tensor v, float learningRate, float rho, float epsilon) {
        Checks.sameShape("rmsProp", w, g);
        Checks.sameShape("rmsProp", w, v);
        JavaTensor gt = raw(g);
        if (gt.rowIds != null && RowSparse.exact(learningRate, rho, epsilon)) {
            RowSparse.rmsProp(elementWise, parallel, own(w), gt, raw(v), learningRate, rho, epsilon);
        } else {
            elementWise.rmsProp(own(w).data, own(g).data, own(v).data, learningRate, rho, epsilon);
        }
        return true;
    }

    @Override
    public boolean adam(Tensor w, Tensor g, Tensor m, Tensor v, float alpha, float beta1, float beta2,
            float epsilon) {
        Checks.sameShape("adam", w, g);
        Checks.sameShape("adam", w, m);
        Checks.sameShape("adam", w, v);
        elementWise.adam(own(w).data, own(g).data, own(m).data, own(v).data, alpha, beta1, beta2, epsilon);
        return true;
    }

    @Override
    public boolean sgd(Tensor w, Tensor g, float learningRate) {
        Checks.sameShape("sgd", w, g);
        elementWise.affineInto(own(g).data, -learningRate, own(w).data);
        return true;
    }

    @Override
    public void close() {
        parallel.close();
    }

    /** {@code t} as this backend's tensor, its array holding its value ({@link RowSparse#settle}). */
    private JavaTensor own(Tensor t) {
        JavaTensor j = raw(t);
        RowSparse.settle(j);
        return j;
    }

    /**
     * {@code t} as this backend's tensor, about to be overwritten whole: whatever it held row-sparse or owed is
     * dropped ({@link RowSparse#overwritten}), not settled into the array first.
     */
    private JavaTensor written(Tensor t) {
        JavaTensor j = raw(t);
        RowSparse.overwritten(j);
        return j;
    }

    /** {@code t} as this backend's tensor, as it is: possibly row-sparse or owing decays. */
    private JavaTensor raw(Tensor t) {
        if (t instanceof JavaTensor j) {
            return j;
        }
        throw new IllegalArgumentException("java backend: received a tensor of backend '" + t.backend().name()
                + "'; tensors cannot be mixed across backends");
    }

    @Override
    public String toString() {
        return description();
    }
}
