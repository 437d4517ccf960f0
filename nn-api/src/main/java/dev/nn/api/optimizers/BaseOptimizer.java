package dev.nn.api.optimizers;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Parameter;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bookkeeping every optimizer shares: the step count and the slots, created as zeros on first use. */
abstract class BaseOptimizer implements Optimizer {

    private final String name;
    private final float learningRate;
    private final List<String> slotNames;
    private final Map<String, Map<Parameter, Tensor>> slots = new LinkedHashMap<>();
    private long iterations;

    BaseOptimizer(String name, float learningRate, String... slotNames) {
        this.name = name;
        this.learningRate = Optimizer.positive("learningRate", learningRate);
        this.slotNames = List.of(slotNames);
        for (String s : slotNames) {
            slots.put(s, new IdentityHashMap<>());
        }
    }

    @Override
    public final void apply(List<Parameter> parameters) {
        long step = iterations + 1;
        if (!updateAll(parameters, step)) {
            for (Parameter p : parameters) {
                updateStep(p, step);
            }
        }
        iterations = step;
    }

    /**
     * The step for every parameter at once where the backend has a kernel for that ({@link dev.nn.api.spi.FusedUpdates});
     * {@code false}, having changed nothing, where it does not.
     */
    boolean updateAll(List<Parameter> parameters, long step) {
        return false;
    }

    /** A float hyper-parameter as the decimal it was written as ({@code 0.001f} as 0.001, not 0.0010000000474974513). */
    static double decimal(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** Keras's {@code update_step} for one parameter at step {@code step} (from 1). */
    abstract void updateStep(Parameter p, long step);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final float learningRate() {
        return learningRate;
    }

    /** {@code learning_rate}, then the optimizer's own settings. */
    @Override
    public final Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("learning_rate", decimal(learningRate));
        addConfig(c);
        return c;
    }

    /** Adds the settings beyond the learning rate under Keras's keys. */
    abstract void addConfig(Map<String, Object> config);

    @Override
    public final long iterations() {
        return iterations;
    }

    @Override
    public final void setIterations(long iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("Received an invalid value for iterations, expected a non-negative "
                    + "integer. Received: iterations=" + iterations);
        }
        this.iterations = iterations;
    }

    @Override
    public final List<String> slotNames() {
        return slotNames;
    }

    @Override
    public final Tensor slot(String slot, Parameter p) {
        Map<Parameter, Tensor> bySlot = slots.get(slot);
        if (bySlot == null) {
            throw new IllegalArgumentException(name() + ": received an invalid slot, expected one of " + slotNames
                    + ". Received: slot=" + slot);
        }
        return bySlot.computeIfAbsent(p, k -> k.value().backend().zeros(k.value().rows(), k.value().cols()));
    }
}
