package dev.nn.api.optimizers;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Parameter;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.FusedUpdates;
import dev.nn.api.spi.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RMSprop as in Keras 3 ({@code keras/src/optimizers/rmsprop.py}, {@code centered=False, momentum=0}):
 * {@code v = rho * v + (1 - rho) * g^2; w -= lr * g / sqrt(v + epsilon)}.
 * Defaults {@code learningRate=0.001, rho=0.9, epsilon=1e-7}.
 *
 * <pre>{@code
 * model.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
 * }</pre>
 */
public final class RmsProp extends BaseOptimizer {

    private final float rho;
    private final float epsilon;

    public RmsProp(float learningRate, float rho, float epsilon) {
        super("rmsprop", learningRate, "velocity");
        this.rho = Optimizer.rate("rho", rho);
        this.epsilon = Optimizer.positive("epsilon", epsilon);
    }

    public static RmsProp defaults() {
        return new RmsProp(0.001f, 0.9f, 1e-7f);
    }

    /** The parameter list the tensor lists below were gathered for, so a step does not gather them again. */
    private List<Parameter> gatheredFor;
    private int gatheredSize;
    private List<Tensor> weights;
    private List<Tensor> gradients;
    private List<Tensor> velocities;
    /** False once the backend declined the one-pass step for these lists; it is then not asked again. */
    private boolean allAtOnce;

    @Override
    boolean updateAll(List<Parameter> parameters, long step) {
        if (parameters.isEmpty() || !(parameters.get(0).value().backend() instanceof FusedUpdates f)) {
            return false;
        }
        if (parameters != gatheredFor || parameters.size() != gatheredSize) {
            weights = new ArrayList<>(parameters.size());
            gradients = new ArrayList<>(parameters.size());
            velocities = new ArrayList<>(parameters.size());
            for (Parameter p : parameters) {
                weights.add(p.value());
                gradients.add(p.gradient());
                velocities.add(slot("velocity", p));
            }
            gatheredFor = parameters;
            gatheredSize = parameters.size();
            allAtOnce = true;
        }
        allAtOnce = allAtOnce && f.rmsProp(weights, gradients, velocities, learningRate(), rho, epsilon);
        return allAtOnce;
    }

    @Override
    void updateStep(Parameter p, long step) {
        Tensor w = p.value();
        Tensor g = p.gradient();
        Tensor v = slot("velocity", p);
        Backend b = w.backend();
        if (b instanceof FusedUpdates f && f.rmsProp(w, g, v, learningRate(), rho, epsilon)) {
            return;
        }
        try (Tensor t = b.zeros(g.rows(), g.cols())) {
            b.unary(UnaryOp.SQUARE, g, t);
            b.affine(t, 1 - rho, 0, t);
            b.affine(v, rho, 0, v);
            b.binary(BinaryOp.ADD, v, t, v);          // v = rho v + (1 - rho) g^2
            b.affine(v, 1, epsilon, t);
            b.unary(UnaryOp.SQRT, t, t);
            b.binary(BinaryOp.DIV, g, t, t);
            b.affine(t, -learningRate(), 0, t);
            b.binary(BinaryOp.ADD, w, t, w);          // w -= lr g / sqrt(v + eps)
        }
    }

    @Override
    void addConfig(Map<String, Object> c) {
        c.put("rho", decimal(rho));
        c.put("momentum", 0.0);
        c.put("epsilon", decimal(epsilon));
        c.put("centered", false);
    }

    @Override
    public String toString() {
        return "RmsProp(learningRate=" + learningRate() + ", rho=" + rho + ", epsilon=" + epsilon + ")";
    }
}
