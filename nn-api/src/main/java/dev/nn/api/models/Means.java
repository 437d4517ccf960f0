package dev.nn.api.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running means of the loss and metrics over the samples seen, as Keras's Mean metrics: each batch
 * adds its per-sample sums, so the epoch value is the batch means weighted by batch size.
 */
final class Means {

    private final List<String> keys;
    private final double[] sums;
    private long count;

    Means(List<String> keys) {
        this.keys = keys;
        this.sums = new double[keys.size()];
    }

    void add(double[] batchSums, int samples) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += batchSums[i];
        }
        count += samples;
    }

    Map<String, Double> values(String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < sums.length; i++) {
            out.put(prefix + keys.get(i), count == 0 ? Double.NaN : sums[i] / count);
        }
        return out;
    }
}
