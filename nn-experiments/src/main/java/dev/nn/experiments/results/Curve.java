package dev.nn.experiments.results;

import dev.nn.api.training.History;
import java.util.List;
import java.util.Map;

/**
 * Per-epoch values of one training, as Keras's {@code history.history}.
 *
 * @param label  what was trained, e.g. {@code "20 epochs with validation"}
 * @param values key ({@code loss}, {@code val_accuracy}, ...) to one value per epoch
 */
public record Curve(String label, Map<String, List<Double>> values) {

    public static Curve of(String label, History history) {
        return new Curve(label, history.history());
    }
}
