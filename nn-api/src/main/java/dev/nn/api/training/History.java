package dev.nn.api.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code fit} returns: per-epoch values under Keras's keys ({@code loss}, {@code accuracy} or
 * {@code mae}, {@code val_loss}, ...), as {@code history.history} in the book.
 */
public final class History {

    private final List<EpochMetrics> epochs = new ArrayList<>();

    /** Appends one epoch; used by the training loop. */
    public void add(EpochMetrics epoch) {
        epochs.add(epoch);
    }

    public List<EpochMetrics> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Key to per-epoch values, like Keras's {@code history.history}. */
    public Map<String, List<Double>> history() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (EpochMetrics e : epochs) {
            e.values().forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    /** The per-epoch values of {@code key}. */
    public List<Double> get(String key) {
        List<Double> values = history().get(key);
        if (values == null) {
            throw new IllegalArgumentException("No key '" + key + "' in history; have " + keys());
        }
        return values;
    }

    public List<String> keys() {
        return List.copyOf(history().keySet());
    }

    /** The value of {@code key} after the last epoch. */
    public double last(String key) {
        List<Double> v = get(key);
        return v.get(v.size() - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && h.history().equals(history());
    }

    @Override
    public int hashCode() {
        return history().hashCode();
    }

    @Override
    public String toString() {
        return history().toString();
    }
}
