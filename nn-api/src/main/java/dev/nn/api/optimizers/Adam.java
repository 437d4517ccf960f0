package dev.nn.api.optimizers;

import dev.nn.api.layers.Parameter;
import java.util.List;

/**
 * Adam as in Keras 3 ({@code keras/src/optimizers/adam.py}, {@code amsgrad=False}): at step {@code t}
 * (from 1), {@code alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}, {@code m += (g - m)(1 - beta1)},
 * {@code v += (g^2 - v)(1 - beta2)}, {@code w -= alpha * m / (sqrt(v) + epsilon)}.
 * Defaults {@code learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-7}.
 */
public final class Adam implements Optimizer {

    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Slots momentums = new Slots();
    private final Slots velocities = new Slots();
    private long iterations;

    public Adam(float learningRate, float beta1, float beta2, float epsilon) {
        this.learningRate = Optimizer.positive("learningRate", learningRate);
        this.beta1 = Optimizer.rate("beta1", beta1);
        this.beta2 = Optimizer.rate("beta2", beta2);
        this.epsilon = Optimizer.positive("epsilon", epsilon);
    }

    public static Adam defaults() {
        return new Adam(0.001f, 0.9f, 0.999f, 1e-7f);
    }

    @Override
    public void apply(List<Parameter> parameters) {
        long t = iterations + 1;
        float alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        for (Parameter p : parameters) {
            p.value().backend().adamStep(p.value(), p.gradient(), momentums.get(p), velocities.get(p), alpha, beta1,
                    beta2, epsilon);
        }
        iterations = t;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public String toString() {
        return "Adam(learningRate=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon
                + ")";
    }
}
