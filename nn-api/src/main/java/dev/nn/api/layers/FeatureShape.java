package dev.nn.api.layers;

/**
 * The shape of one sample, without the batch axis: Keras's {@code input_shape} of a layer, shown as
 * Keras shows the batched shape, {@code (None, width)}. Chapter 3 feeds every layer rank-1 samples.
 *
 * @param width features per sample (the input width, or a layer's units)
 */
public record FeatureShape(int width) {

    public FeatureShape {
        if (width < 1) {
            throw new IllegalArgumentException(
                    "Received an invalid feature shape, expected a positive width. Received: width=" + width);
        }
    }

    public static FeatureShape of(int width) {
        return new FeatureShape(width);
    }

    @Override
    public String toString() {
        return "(None, " + width + ")";
    }
}
