package dev.nn.backend.nd4j;

import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BackendProvider;

/**
 * Makes the {@code nd4j} backend; registered with ServiceLoader. Creating the provider loads no ND4J class
 * and no native library: ND4J starts on the backend's first kernel call.
 */
public final class Nd4jBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public Backend create(int threads) {
        return new Nd4jBackend(threads);
    }
}
