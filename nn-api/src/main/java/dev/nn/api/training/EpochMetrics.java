package dev.nn.api.training;

import java.util.Map;

/**
 * The logs of one epoch, keyed as Keras's History is: {@code loss}, metric names, then {@code val_} ones.
 *
 * @param epoch   1-based epoch number
 * @param values  key to value, in Keras's order
 * @param seconds wall time of the epoch, validation included
 */
public record EpochMetrics(int epoch, Map<String, Double> values, double seconds) {

    public EpochMetrics {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("No metric '" + key + "' in epoch " + epoch + "; have " + values.keySet());
        }
        return v;
    }
}
