package dev.nn.backend.nd4j;

import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.Checks;
import dev.nn.api.spi.FusedUpdates;
import dev.nn.api.spi.UnaryOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend, {@code --backend nd4j}. Dense kernels go to ND4J (OpenBLAS gemm, OpenMP loops); a
 * multi-hot batch is densified per batch for the gemm. {@link #threads()} is applied to ND4J's OpenMP
 * and BLAS pools when ND4J starts (the first kernel call), so the backend does not oversubscribe the
 * cores; set the same number in {@code OMP_NUM_THREADS} to bound OpenMP before the JVM starts.
 *
 * <p>Kernels follow the Java backend's order of operations where ND4J allows it, so results differ only
 * by float32 summation order inside gemm and reductions.
 */
public final class Nd4jBackend implements Backend, FusedUpdates {

    private final int threads;
    private final Scratch scratch = new Scratch();

    public Nd4jBackend(int threads) {
        this.threads = Checks.threads(threads);
    }

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public String description() {
        Nd4jRuntime.ensure(threads);
        return "nd4j (ND4J 1.0.0-M2.1, " + Nd4jRuntime.blasVendor() + ", " + threads
                + (threads == 1 ? " thread)" : " threads)");
    }

    Scratch scratch() {
        return scratch;
    }

    @Override
    public void close() {
        scratch.close();
    }

    private INDArray a(Tensor t) {
        Nd4jRuntime.tick();
        if (t instanceof Nd4jTensor n) {
            return n.array();
        }
        throw new IllegalArgumentException("nd4j backend: received a tensor of backend '" + t.backend().name()
                + "'; tensors cannot be mixed across backends");
    }

    private Tensor wrap(INDArray array) {
        return new Nd4jTensor(this, array);
    }

    @Override
    public Tensor upload(float[] data, int rows, int cols) {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("upload: received " + data.length + " values for shape (" + rows + ", "
                    + cols + ")");
        }
        Nd4jRuntime.ensure(threads);
        return wrap(Nd4jMemory.copyOf(data, rows, cols));
    }

    @Override
    public Tensor upload(MultiHotRows rows) {
        Nd4jRuntime.ensure(threads);
        return new Nd4jTensor(this, rows);
    }

    @Override
    public Tensor zeros(int rows, int cols) {
        Nd4jRuntime.ensure(threads);
        return wrap(Nd4j.zeros(DataType.FLOAT, rows, cols));
    }

    @Override
    public float[] download(Tensor t) {
        return Nd4jMemory.toArray(a(t));
    }

    @Override
    public void copy(Tensor from, Tensor to) {
        Checks.sameShape("copy", from, to);
        a(to).assign(a(from));
    }

    @Override
    public void fill(Tensor t, float value) {
        Checks.sameShape("fill", t, t);
        a(t).assign(value);
    }

    @Override
    public void matmul(Tensor x, boolean transposeA, Tensor y, boolean transposeB, Tensor out) {
        Checks.matmul(x, transposeA, y, transposeB, out);
        if (out.rows() == 0 || out.cols() == 0) {
            return;
        }
        Nd4j.gemm(a(x), a(y), a(out), transposeA, transposeB, 1.0, 0.0);
    }

    @Override
    public void unary(UnaryOp op, Tensor x, Tensor out) {
        Checks.sameShape(op.name().toLowerCase(java.util.Locale.ROOT), x, out);
        INDArray in = a(x);
        INDArray z = a(out);
        switch (op) {
            case RELU -> Nd4j.exec(new RectifiedLinear(in, z, 0.0));
            case SIGMOID -> Nd4j.exec(new Sigmoid(in, z));
            case TANH -> Nd4j.exec(new Tanh(in, z));
            case EXP -> Nd4j.exec(new Exp(in, z));
            case LOG -> Nd4j.exec(new Log(in, z));
            case SQRT -> Nd4j.exec(new Sqrt(in, z));
            case SQUARE -> Nd4j.exec(new Square(in, z));
            case ABS -> Nd4j.exec(new Abs(in, z));
            case NEG -> Nd4j.exec(new Negative(in, z));
        }
    }

    @Override
    public void binary(BinaryOp op, Tensor x, Tensor y, Tensor out) {
        Checks.broadcast(op.name().toLowerCase(java.util.Locale.ROOT), x, y, out);
        INDArray[] in = {a(x), a(y)};
        INDArray[] z = {a(out)};
        switch (op) {
            case ADD -> Nd4j.exec(new AddOp(in, z));
            case SUB -> Nd4j.exec(new SubOp(in, z));
            case MUL -> Nd4j.exec(new MulOp(in, z));
            case DIV -> Nd4j.exec(new DivOp(in, z));
        }
    }

    @Override
    public void affine(Tensor x, float scale, float shift, Tensor out) {
        Checks.sameShape("affine", x, out);
        INDArray z = a(out);
        Nd4j.exec(new ScalarMultiplication(a(x), null, z, scale));
        if (shift != 0) {
            Nd4j.exec(new ScalarAdd(z, null, z, shift));
        }
    }

    @Override
    public void sum(Tensor x, int axis, Tensor out) {
        Checks.sum(x, axis, out);
        Nd4j.exec(new Sum(a(x), a(out), true, axis));
    }

    @Override
    public void softmax(Tensor x, Tensor out) {
        Checks.sameShape("softmax", x, out);
        Nd4j.exec(new SoftMax(a(x), a(out), 1));
    }

    @Override
    public void activationGradient(UnaryOp activation, Tensor y, Tensor gradY, Tensor out) {
        Checks.activationGradient(activation, y, gradY, out);
        INDArray ya = a(y);
        INDArray g = a(gradY);
        INDArray z = a(out);
        INDArray t = scratch.take(ya.rows(), ya.columns());
        try {
            switch (activation) {
                case RELU -> {
                    Nd4j.exec(new Step(ya, t, 0.0));                 // y > 0
                    Nd4j.exec(new MulOp(new INDArray[] {g, t}, new INDArray[] {z}));
                }
                case SIGMOID -> {
                    // (g * y) * (1 - y), the Java backend's order
                    Nd4j.exec(new ScalarReverseSubtraction(ya, null, t, 1.0));
                    INDArray gy = scratch.take(ya.rows(), ya.columns());
                    Nd4j.exec(new MulOp(new INDArray[] {g, ya}, new INDArray[] {gy}));
                    Nd4j.exec(new MulOp(new INDArray[] {gy, t}, new INDArray[] {z}));
                    scratch.give(gy);
                }
                default -> {
                    // g * (1 - y * y)
                    Nd4j.exec(new Square(ya, t));
                    Nd4j.exec(new ScalarReverseSubtraction(t, null, t, 1.0));
                    Nd4j.exec(new MulOp(new INDArray[] {g, t}, new INDArray[] {z}));
                }
            }
        } finally {
            scratch.give(t);
        }
    }

    /**
     * Keras 3 RMSprop in place with two pooled scratch arrays:
     * {@code v = rho v + (1 - rho) g^2; w -= (lr g) / sqrt(v + eps)}, in the Java backend's order.
     */
    @Override
    public boolean rmsProp(Tensor w, Tensor g, Tensor v, float learningRate, float rho, float epsilon) {
        Checks.sameShape("rmsProp", w, g);
        Checks.sameShape("rmsProp", w, v);
        INDArray wa = a(w);
        INDArray ga = a(g);
        INDArray va = a(v);
        INDArray t = scratch.take(ga.rows(), ga.columns());
        INDArray u = scratch.take(ga.rows(), ga.columns());
        try {
            Nd4j.exec(new Square(ga, t));
            Nd4j.exec(new ScalarMultiplication(t, null, t, 1f - rho));
            Nd4j.exec(new ScalarMultiplication(va, null, va, rho));
            Nd4j.exec(new AddOp(new INDArray[] {va, t}, new INDArray[] {va}));
            Nd4j.exec(new ScalarAdd(va, null, t, epsilon));
            Nd4j.exec(new Sqrt(t, t));
            Nd4j.exec(new ScalarMultiplication(ga, null, u, learningRate));
            Nd4j.exec(new DivOp(new INDArray[] {u, t}, new INDArray[] {u}));
            Nd4j.exec(new SubOp(new INDArray[] {wa, u}, new INDArray[] {wa}));
        } finally {
            scratch.give(u);
            scratch.give(t);
        }
        return true;
    }
}
