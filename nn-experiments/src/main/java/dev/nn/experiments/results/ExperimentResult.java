package dev.nn.experiments.results;

import dev.nn.experiments.BookValue;
import dev.nn.experiments.Experiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one experiment.
 *
 * @param id       experiment id
 * @param section  book section
 * @param title    experiment title
 * @param description what it does
 * @param metrics  final metrics, e.g. {@code test_accuracy}; a repeated metric holds the mean over its seeds
 * @param book     the book's numbers for some of those metrics
 * @param curves   per-epoch histories (of the run's first seed)
 * @param notes    lines worth showing, e.g. the first predictions
 * @param seconds  wall time
 * @param repeats  the per-seed values behind repeated metrics (empty when none was repeated)
 * @param model    the saved model (the first seed's), relative to the run folder; null when none was saved
 */
public record ExperimentResult(String id, String section, String title, String description,
        Map<String, Double> metrics, List<BookValue> book, List<Curve> curves, List<String> notes, double seconds,
        Repeats repeats, String model) {

    public ExperimentResult {
        repeats = repeats == null ? Repeats.none() : repeats;
    }

    /** Starts the result of {@code experiment}, timed from now. */
    public static Builder of(Experiment experiment) {
        return new Builder(experiment);
    }

    /** Collects an experiment's metrics, curves and notes; {@link #build()} stamps the wall time. */
    public static final class Builder {

        private final Experiment experiment;
        private final long start = System.nanoTime();
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final List<Curve> curves = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private Repeats repeats = Repeats.none();
        private String model;

        private Builder(Experiment experiment) {
            this.experiment = experiment;
        }

        public Builder metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        public Builder metrics(Map<String, Double> values) {
            metrics.putAll(values);
            return this;
        }

        public Builder curve(Curve curve) {
            curves.add(curve);
            return this;
        }

        public Builder curves(List<Curve> more) {
            curves.addAll(more);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        /** The per-seed values behind the metrics that are means. */
        public Builder repeats(Repeats values) {
            this.repeats = values;
            return this;
        }

        /** The saved model's path in the run folder, from {@link dev.nn.experiments.RunContext#keep}. */
        public Builder model(String path) {
            this.model = path;
            return this;
        }

        public ExperimentResult build() {
            return new ExperimentResult(experiment.id(), experiment.section(), experiment.title(),
                    experiment.description(), new LinkedHashMap<>(metrics),
                    experiment.book(), List.copyOf(curves), List.copyOf(notes), (System.nanoTime() - start) / 1e9,
                    repeats, model);
        }
    }
}
