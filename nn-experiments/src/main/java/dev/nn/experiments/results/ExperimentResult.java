package dev.nn.experiments.results;

import dev.nn.experiments.BookValue;
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
 */
public record ExperimentResult(String id, String section, String title, String description,
        Map<String, Double> metrics, List<BookValue> book, List<Curve> curves, List<String> notes, double seconds,
        Repeats repeats) {

    public ExperimentResult {
        repeats = repeats == null ? Repeats.none() : repeats;
    }
}
