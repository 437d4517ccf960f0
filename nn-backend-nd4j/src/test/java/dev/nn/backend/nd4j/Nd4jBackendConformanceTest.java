package dev.nn.backend.nd4j;

import dev.nn.api.spi.Backend;
import dev.nn.testkit.conformance.BackendConformance;

/** The whole conformance suite on the ND4J backend with two threads. */
class Nd4jBackendConformanceTest implements BackendConformance {

    private static final Backend BACKEND = new Nd4jBackend(2);

    @Override
    public Backend backend() {
        return BACKEND;
    }
}
