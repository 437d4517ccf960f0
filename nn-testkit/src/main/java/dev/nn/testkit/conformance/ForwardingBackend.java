package dev.nn.testkit.conformance;

import dev.nn.api.Shape;
import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.UnaryOp;

/**
 * A backend that forwards the primitive kernels to another one and implements no
 * {@link dev.nn.api.spi.FusedUpdates}, so optimizers run their rules over the primitives. Its tensors are its own, so every call of the API goes through it. Uses: run the suite on the
 * default (primitive) optimizer implementations, and subclass it to break one kernel on purpose.
 */
public class ForwardingBackend implements Backend {

    private final Backend delegate;

    public ForwardingBackend(Backend delegate) {
        this.delegate = delegate;
    }

    /** A tensor of this backend wrapping one of the delegate's. */
    private record Wrapped(Tensor inner, ForwardingBackend owner) implements Tensor {
        @Override
        public Shape shape() {
            return inner.shape();
        }

        @Override
        public boolean isSparse() {
            return inner.isSparse();
        }

        @Override
        public Backend backend() {
            return owner;
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    protected Tensor unwrap(Tensor t) {
        if (t instanceof Wrapped w) {
            return w.inner();
        }
        throw new IllegalArgumentException("forwarding backend: received a tensor of backend '" + t.backend().name() + "'");
    }

    private Tensor wrap(Tensor t) {
        return new Wrapped(t, this);
    }

    @Override
    public String name() {
        return delegate.name() + "-forwarding";
    }

    @Override
    public int threads() {
        return delegate.threads();
    }

    @Override
    public String description() {
        return "forwarding to " + delegate.description();
    }

    @Override
    public Tensor upload(float[] data, int rows, int cols) {
        return wrap(delegate.upload(data, rows, cols));
    }

    @Override
    public Tensor upload(MultiHotRows rows) {
        return wrap(delegate.upload(rows));
    }

    @Override
    public Tensor zeros(int rows, int cols) {
        return wrap(delegate.zeros(rows, cols));
    }

    @Override
    public float[] download(Tensor t) {
        return delegate.download(unwrap(t));
    }

    @Override
    public void copy(Tensor from, Tensor to) {
        delegate.copy(unwrap(from), unwrap(to));
    }

    @Override
    public void fill(Tensor t, float value) {
        delegate.fill(unwrap(t), value);
    }

    @Override
    public void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        delegate.matmul(unwrap(a), transposeA, unwrap(b), transposeB, unwrap(out));
    }

    @Override
    public void unary(UnaryOp op, Tensor x, Tensor out) {
        delegate.unary(op, unwrap(x), unwrap(out));
    }

    @Override
    public void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        delegate.binary(op, unwrap(a), unwrap(b), unwrap(out));
    }

    @Override
    public void affine(Tensor x, float scale, float shift, Tensor out) {
        delegate.affine(unwrap(x), scale, shift, unwrap(out));
    }

    @Override
    public void sum(Tensor x, int axis, Tensor out) {
        delegate.sum(unwrap(x), axis, unwrap(out));
    }

    @Override
    public void softmax(Tensor x, Tensor out) {
        delegate.softmax(unwrap(x), unwrap(out));
    }

    @Override
    public void activationGradient(UnaryOp activation, Tensor y, Tensor gradY, Tensor out) {
        delegate.activationGradient(activation, unwrap(y), unwrap(gradY), unwrap(out));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
