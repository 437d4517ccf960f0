package dev.nn.api;

import dev.nn.api.spi.Backend;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the installed {@link Backend}s with {@link ServiceLoader} (module path: {@code provides};
 * class path: {@code META-INF/services/dev.nn.api.spi.Backend}).
 *
 * <pre>{@code
 * try (Backend backend = Backends.get("java").withThreads(2)) { ... }
 * }</pre>
 */
public final class Backends {

    private Backends() {
    }

    /** The names of every installed backend, sorted. */
    public static List<String> available() {
        return load().stream().map(Backend::name).sorted().toList();
    }

    /**
     * The backend called {@code name}, with its default settings.
     *
     * @throws UnknownBackendException if none is installed under that name; it lists the installed ones
     */
    public static Backend get(String name) {
        return load().stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UnknownBackendException(name, available()));
    }

    private static List<Backend> load() {
        // Providers are cheap to create: a backend allocates its native resources on first use.
        return ServiceLoader.load(Backend.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
