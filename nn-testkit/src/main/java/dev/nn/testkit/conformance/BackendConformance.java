package dev.nn.testkit.conformance;

/** The whole conformance suite: kernels, gradients, optimizers, training semantics and the layer contract. */
public interface BackendConformance
        extends KernelConformance, GradientConformance, OptimizerConformance, TrainingConformance, LayerConformance {
}
