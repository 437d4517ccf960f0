package dev.nn.api.layers;

import java.util.Locale;

/** The name handling every layer shares: a given name, the model's, or the snake-case class name. */
public abstract class BaseLayer implements Layer {

    private String name;

    @Override
    public final String name() {
        return name != null ? name : snakeCase(className());
    }

    @Override
    public final Layer named(String newName) {
        if (newName == null || newName.isBlank() || newName.contains("/")) {
            throw new IllegalArgumentException("Received an invalid value for name, expected a non-empty name "
                    + "without '/'. Received: name=" + newName);
        }
        if (isBuilt()) {
            throw new IllegalStateException(name() + " is already built; name a layer before building it");
        }
        this.name = newName;
        return this;
    }

    @Override
    public final boolean isNamed() {
        return name != null;
    }

    /** Keras's {@code to_snake_case}: {@code Dense} to {@code dense}, {@code BatchNormalization} to {@code batch_normalization}. */
    public static String snakeCase(String className) {
        return className.replaceAll("(.)([A-Z][a-z]+)", "$1_$2").replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    /** Throws unless built, naming the layer. */
    protected final void requireBuilt() {
        if (!isBuilt()) {
            throw new IllegalStateException(name() + " is not built: add it to a Sequential model and call build or fit");
        }
    }

    /** Throws if already built, naming the layer. */
    protected final void requireUnbuilt() {
        if (isBuilt()) {
            throw new IllegalStateException(name() + " is already built");
        }
    }
}
