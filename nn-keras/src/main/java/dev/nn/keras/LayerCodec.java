package dev.nn.keras;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nn.api.layers.Layer;

/**
 * How one layer class goes to and from its Keras config. Registered by class name in {@link LayerCodecs};
 * the class name in a file only ever selects one of these, it is never loaded.
 */
interface LayerCodec {

    /** Keras's class name, e.g. {@code Dense}. */
    String className();

    /** The layer described by {@code config} (the {@code "config"} object of the layer's entry). */
    Layer fromConfig(KerasConfig.Reader config) throws KerasFormatException;

    /** Adds the layer's own settings to {@code config}, after {@code name}, {@code trainable} and {@code dtype}. */
    void toConfig(Layer layer, ObjectNode config);
}
