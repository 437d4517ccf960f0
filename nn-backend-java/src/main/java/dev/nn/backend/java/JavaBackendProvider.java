package dev.nn.backend.java;

import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BackendProvider;

/** Makes the {@code java} backend; registered with ServiceLoader. Creating the provider starts nothing. */
public final class JavaBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "java";
    }

    @Override
    public Backend create(int threads) {
        return new JavaBackend(threads);
    }
}
