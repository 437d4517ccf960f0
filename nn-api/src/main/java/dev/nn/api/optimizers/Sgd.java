package dev.nn.api.optimizers;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Parameter;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.FusedUpdates;
import java.util.Map;

/** Plain stochastic gradient descent as Keras's {@code SGD} without momentum: {@code w -= lr * g}; default {@code learningRate=0.01}. */
public final class Sgd extends BaseOptimizer {


    public Sgd(float learningRate) {
        super("sgd", learningRate);
    }

    public static Sgd defaults() {
        return new Sgd(0.01f);
    }

    @Override
    void updateStep(Parameter p, long step) {
        Tensor w = p.value();
        Tensor g = p.gradient();
        Backend b = w.backend();
        if (b instanceof FusedUpdates f && f.sgd(w, g, learningRate())) {
            return;
        }
        try (Tensor t = b.zeros(g.rows(), g.cols())) {
            b.affine(g, -learningRate(), 0, t);
            b.binary(BinaryOp.ADD, w, t, w);
        }
    }

    @Override
    void addConfig(Map<String, Object> c) {
        c.put("momentum", 0.0);
        c.put("nesterov", false);
    }

    @Override
    public String toString() {
        return "Sgd(learningRate=" + learningRate() + ")";
    }
}
