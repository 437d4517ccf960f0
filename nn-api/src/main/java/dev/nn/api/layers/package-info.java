/** Layers and activations: {@link dev.nn.api.layers.Dense} with Keras defaults, and the Layer SPI. */
package dev.nn.api.layers;
