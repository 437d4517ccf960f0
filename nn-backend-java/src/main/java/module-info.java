/**
 * The pure-Java backend ({@code --backend java}): heap float arrays, loops the JIT vectorises,
 * sparse multi-hot inputs multiplied as gather-sums and scatter-adds, both cores for large kernels.
 */
module dev.nn.backend.java {
    requires dev.nn.api;
    // optional: used only when the JVM is started with --add-modules jdk.incubator.vector
    requires static jdk.incubator.vector;

    exports dev.nn.backend.java;

    provides dev.nn.api.spi.BackendProvider with dev.nn.backend.java.JavaBackendProvider;
}
