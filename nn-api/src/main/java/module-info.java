/**
 * The network API: the {@link dev.nn.api.spi.Backend} SPI that owns tensors and kernels, and the
 * Keras-style layers, losses, metrics, optimizers and {@link dev.nn.api.models.Sequential} model
 * written once over it.
 *
 * <p>Backends are found with {@link java.util.ServiceLoader}; pick one by name through
 * {@link dev.nn.api.Backends}.
 */
module dev.nn.api {
    requires org.slf4j;

    exports dev.nn.api;
    exports dev.nn.api.spi;
    exports dev.nn.api.data;
    exports dev.nn.api.layers;
    exports dev.nn.api.losses;
    exports dev.nn.api.metrics;
    exports dev.nn.api.optimizers;
    exports dev.nn.api.models;
    exports dev.nn.api.training;

    uses dev.nn.api.spi.BackendProvider;
}
