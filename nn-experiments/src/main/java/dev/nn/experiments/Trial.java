package dev.nn.experiments;

import dev.nn.api.models.Sequential;
import dev.nn.api.training.History;
import java.util.Map;

/**
 * One training from scratch with one seed, and what it scored.
 *
 * @param seed    the model's seed
 * @param model   the trained model
 * @param history its training history
 * @param metrics what it scored, e.g. {@code test_accuracy}
 */
public record Trial(long seed, Sequential model, History history, Map<String, Double> metrics) {

    public Trial {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
