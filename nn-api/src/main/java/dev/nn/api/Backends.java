package dev.nn.api;

import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BackendProvider;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the installed {@link BackendProvider}s with {@link ServiceLoader} (module path: {@code provides};
 * class path: {@code META-INF/services/dev.nn.api.spi.BackendProvider}) and makes backends by name.
 * Listing backends creates none; {@link #create} creates exactly one, which the caller closes.
 *
 * <pre>{@code
 * try (Backend backend = Backends.create("java", 2)) { ... }
 * }</pre>
 */
public final class Backends {

    private Backends() {
    }

    /** The names of every installed backend, sorted. */
    public static List<String> available() {
        return providers().stream().map(BackendProvider::name).sorted().toList();
    }

    /**
     * A new backend called {@code name} whose kernels use {@code threads} threads.
     *
     * @throws UnknownBackendException if none is installed under that name; it lists the installed ones
     * @throws IllegalArgumentException if {@code threads} is not positive
     */
    public static Backend create(String name, int threads) {
        return provider(name).create(threads);
    }

    /** A new backend called {@code name} using every available processor. */
    public static Backend create(String name) {
        return create(name, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The provider called {@code name}.
     *
     * @throws UnknownBackendException if none is installed under that name
     */
    public static BackendProvider provider(String name) {
        return providers().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UnknownBackendException(name, available()));
    }

    private static List<BackendProvider> providers() {
        return ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
