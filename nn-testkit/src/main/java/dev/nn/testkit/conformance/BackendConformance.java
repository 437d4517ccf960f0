package dev.nn.testkit.conformance;

/** The whole conformance suite: kernels, gradients, optimizers and training semantics. */
public interface BackendConformance
        extends KernelConformance, GradientConformance, OptimizerConformance, TrainingConformance {
}
