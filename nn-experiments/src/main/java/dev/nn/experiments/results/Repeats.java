package dev.nn.experiments.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trainings behind metrics that are means over several seeds.
 *
 * @param seeds  the seeds, in the order they ran
 * @param values metric name to one value per seed (same order); the result's metric is their mean
 */
public record Repeats(List<Long> seeds, Map<String, List<Double>> values) {

    private static final Repeats NONE = new Repeats(List.of(), Map.of());

    public Repeats {
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        if (values != null) {
            for (Map.Entry<String, List<Double>> e : values.entrySet()) {
                if (e.getValue().size() != seeds.size()) {
                    throw new IllegalArgumentException("Metric " + e.getKey() + " has " + e.getValue().size()
                            + " values for " + seeds.size() + " seeds");
                }
                copy.put(e.getKey(), List.copyOf(e.getValue()));
            }
        }
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** No metric was repeated. */
    public static Repeats none() {
        return NONE;
    }

    /** Mean of a repeated metric over its seeds, or NaN when it was not repeated. */
    public double mean(String metric) {
        List<Double> v = values.get(metric);
        return v == null || v.isEmpty() ? Double.NaN : v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Sample standard deviation of a repeated metric (0 for one seed), or NaN when it was not repeated. */
    public double std(String metric) {
        List<Double> v = values.get(metric);
        if (v == null) {
            return Double.NaN;
        }
        if (v.size() < 2) {
            return 0;
        }
        double mean = mean(metric);
        double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return Math.sqrt(ss / (v.size() - 1));
    }
}
