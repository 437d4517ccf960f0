package dev.nn.backend.java;

import dev.nn.api.spi.Backend;
import dev.nn.testkit.conformance.BackendConformance;

/** The whole conformance suite on the Java backend with two threads. */
class JavaBackendConformanceTest implements BackendConformance {

    private static final Backend BACKEND = new JavaBackend(2);

    @Override
    public Backend backend() {
        return BACKEND;
    }
}
