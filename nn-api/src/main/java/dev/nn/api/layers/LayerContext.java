package dev.nn.api.layers;

import dev.nn.api.spi.Backend;
import java.util.random.RandomGenerator;

/**
 * What a layer is built with: the backend that owns its tensors and the model's seeded generator, which
 * draws initial weights (on the JVM, so every backend starts from the same values) and, for layers such
 * as {@link Dropout}, the random draws of training.
 */
public record LayerContext(Backend backend, RandomGenerator rng) {
}
