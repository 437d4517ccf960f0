package dev.nn.experiments;

import dev.nn.api.models.Sequential;
import dev.nn.keras.KerasModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Where a run keeps the models it scored on the test set: {@code <out>/models/<experiment-id>.keras}. */
public interface ModelStore {

    /**
     * Saves {@code model} as the model of experiment {@code id} and returns its path relative to the run folder.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    String keep(String id, Sequential model);

    /** Saves Keras 3 files under {@code runDir/models}. */
    static ModelStore in(Path runDir) {
        return (id, model) -> {
            String relative = "models/" + id + ".keras";
            try {
                KerasModels.save(model, runDir.resolve(relative));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot save the model of " + id + " to " + runDir.resolve(relative)
                        + ": " + e.getMessage(), e);
            }
            return relative;
        };
    }

    /** Keeps nothing (tests, dry runs); returns null. */
    static ModelStore none() {
        return (id, model) -> null;
    }
}
