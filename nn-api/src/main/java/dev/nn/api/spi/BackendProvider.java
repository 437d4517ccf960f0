package dev.nn.api.spi;

/**
 * Makes a {@link Backend}; this is what {@link java.util.ServiceLoader} finds (module path:
 * {@code provides dev.nn.api.spi.BackendProvider with ...}; class path:
 * {@code META-INF/services/dev.nn.api.spi.BackendProvider}). A provider is cheap: finding and listing
 * providers starts no thread pool and loads no native library; only {@link #create} does.
 * After DJL's {@code EngineProvider}.
 */
public interface BackendProvider {

    /** The name users pass to {@code --backend}: {@code java}, {@code nd4j}. */
    String name();

    /**
     * A new backend whose kernels use {@code threads} threads; the caller closes it.
     *
     * @throws IllegalArgumentException if {@code threads} is not positive
     */
    Backend create(int threads);
}
