package dev.nn.api.optimizers;

import dev.nn.api.layers.Parameter;
import java.util.List;

/** Plain stochastic gradient descent as Keras's {@code SGD} without momentum: {@code w -= lr * g}; default {@code learningRate=0.01}. */
public final class Sgd implements Optimizer {

    private final float learningRate;
    private long iterations;

    public Sgd(float learningRate) {
        this.learningRate = Optimizer.positive("learningRate", learningRate);
    }

    public static Sgd defaults() {
        return new Sgd(0.01f);
    }

    @Override
    public void apply(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            p.value().backend().sgdStep(p.value(), p.gradient(), learningRate);
        }
        iterations++;
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public String toString() {
        return "Sgd(learningRate=" + learningRate + ")";
    }
}
