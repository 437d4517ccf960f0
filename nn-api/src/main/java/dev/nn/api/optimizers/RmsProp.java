package dev.nn.api.optimizers;

import dev.nn.api.layers.Parameter;
import java.util.List;

/**
 * RMSprop as in Keras 3 ({@code keras/src/optimizers/rmsprop.py}, {@code centered=False, momentum=0}):
 * {@code v = rho * v + (1 - rho) * g^2; w -= lr * g / sqrt(v + epsilon)}.
 * Defaults {@code learningRate=0.001, rho=0.9, epsilon=1e-7}.
 *
 * <pre>{@code
 * model.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
 * }</pre>
 */
public final class RmsProp implements Optimizer {

    private final float learningRate;
    private final float rho;
    private final float epsilon;
    private final Slots velocity = new Slots();
    private long iterations;

    public RmsProp(float learningRate, float rho, float epsilon) {
        this.learningRate = Optimizer.positive("learningRate", learningRate);
        this.rho = Optimizer.rate("rho", rho);
        this.epsilon = Optimizer.positive("epsilon", epsilon);
    }

    public static RmsProp defaults() {
        return new RmsProp(0.001f, 0.9f, 1e-7f);
    }

    public static RmsProp withLearningRate(float learningRate) {
        return new RmsProp(learningRate, 0.9f, 1e-7f);
    }

    @Override
    public void apply(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            p.value().backend().rmsPropStep(p.value(), p.gradient(), velocity.get(p), learningRate, rho, epsilon);
        }
        iterations++;
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public long iterations() {
        return iterations;
    }

    public float learningRate() {
        return learningRate;
    }

    @Override
    public String toString() {
        return "RmsProp(learningRate=" + learningRate + ", rho=" + rho + ", epsilon=" + epsilon + ")";
    }
}
