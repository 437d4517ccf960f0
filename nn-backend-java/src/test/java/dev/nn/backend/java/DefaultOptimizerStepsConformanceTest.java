package dev.nn.backend.java;

import dev.nn.api.spi.Backend;
import dev.nn.testkit.conformance.BackendConformance;
import dev.nn.testkit.conformance.ForwardingBackend;

/**
 * The suite again, with the optimizer steps the SPI implements over primitives (the Java backend's
 * fused ones bypassed): both implementations are held to the same goldens.
 */
class DefaultOptimizerStepsConformanceTest implements BackendConformance {

    private static final Backend BACKEND = new ForwardingBackend(new JavaBackend(1));

    @Override
    public Backend backend() {
        return BACKEND;
    }
}
