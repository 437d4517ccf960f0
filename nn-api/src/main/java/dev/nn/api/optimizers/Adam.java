package dev.nn.api.optimizers;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Parameter;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.FusedUpdates;
import dev.nn.api.spi.UnaryOp;
import java.util.Map;

/**
 * Adam as in Keras 3 ({@code keras/src/optimizers/adam.py}, {@code amsgrad=False}): at step {@code t}
 * (from 1), {@code alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}, {@code m += (g - m)(1 - beta1)},
 * {@code v += (g^2 - v)(1 - beta2)}, {@code w -= alpha * m / (sqrt(v) + epsilon)}.
 * Defaults {@code learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-7}.
 */
public final class Adam extends BaseOptimizer {

    private final float beta1;
    private final float beta2;
    private final float epsilon;

    public Adam(float learningRate, float beta1, float beta2, float epsilon) {
        super("adam", learningRate, "momentum", "velocity");
        this.beta1 = Optimizer.rate("beta1", beta1);
        this.beta2 = Optimizer.rate("beta2", beta2);
        this.epsilon = Optimizer.positive("epsilon", epsilon);
    }

    public static Adam defaults() {
        return new Adam(0.001f, 0.9f, 0.999f, 1e-7f);
    }

    @Override
    void updateStep(Parameter p, long step) {
        float alpha = (float) (learningRate() * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step)));
        Tensor w = p.value();
        Tensor g = p.gradient();
        Tensor m = slot("momentum", p);
        Tensor v = slot("velocity", p);
        Backend b = w.backend();
        if (b instanceof FusedUpdates f && f.adam(w, g, m, v, alpha, beta1, beta2, epsilon)) {
            return;
        }
        try (Tensor t = b.zeros(g.rows(), g.cols())) {
            b.binary(BinaryOp.SUB, g, m, t);
            b.affine(t, 1 - beta1, 0, t);
            b.binary(BinaryOp.ADD, m, t, m);          // m += (g - m)(1 - beta1)
            b.unary(UnaryOp.SQUARE, g, t);
            b.binary(BinaryOp.SUB, t, v, t);
            b.affine(t, 1 - beta2, 0, t);
            b.binary(BinaryOp.ADD, v, t, v);          // v += (g^2 - v)(1 - beta2)
            b.unary(UnaryOp.SQRT, v, t);
            b.affine(t, 1, epsilon, t);
            b.binary(BinaryOp.DIV, m, t, t);
            b.affine(t, -alpha, 0, t);
            b.binary(BinaryOp.ADD, w, t, w);          // w -= alpha m / (sqrt(v) + eps)
        }
    }

    @Override
    void addConfig(Map<String, Object> c) {
        c.put("beta_1", decimal(beta1));
        c.put("beta_2", decimal(beta2));
        c.put("epsilon", decimal(epsilon));
        c.put("amsgrad", false);
    }

    @Override
    public String toString() {
        return "Adam(learningRate=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon
                + ")";
    }
}
