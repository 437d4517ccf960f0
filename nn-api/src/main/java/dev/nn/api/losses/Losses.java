package dev.nn.api.losses;

import java.util.Locale;

/** Factories by Keras name, for configuration files and the command line. */
public final class Losses {

    private Losses() {
    }

    public static Loss binaryCrossentropy() {
        return new BinaryCrossentropy();
    }

    public static Loss categoricalCrossentropy() {
        return new CategoricalCrossentropy();
    }

    public static Loss sparseCategoricalCrossentropy() {
        return new SparseCategoricalCrossentropy();
    }

    public static Loss meanSquaredError() {
        return new MeanSquaredError();
    }

    /** {@code binary_crossentropy}, {@code categorical_crossentropy}, {@code sparse_categorical_crossentropy}, {@code mse}. */
    public static Loss of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "binary_crossentropy" -> binaryCrossentropy();
            case "categorical_crossentropy" -> categoricalCrossentropy();
            case "sparse_categorical_crossentropy" -> sparseCategoricalCrossentropy();
            case "mse", "mean_squared_error" -> meanSquaredError();
            default -> throw new IllegalArgumentException("Received an invalid value for loss, expected one of "
                    + "binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy, mse. Received: loss="
                    + name);
        };
    }
}
