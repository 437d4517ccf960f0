package dev.nn.experiments.results;

import dev.nn.experiments.BookValue;
import dev.nn.reports.Chart;
import dev.nn.reports.Figure;
import dev.nn.reports.PointChart;
import dev.nn.reports.Section;
import dev.nn.reports.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures that make the chapter's comparisons visible: a section's variants overlaid on its baseline
 * (3.4.7, 3.5.7), and every number the book reports placed against it in the summary.
 */
final class ComparisonFigures {

    /** How far from the book a number may land and still count as agreeing: 5 % of the book's value. */
    static final double BAND_PERCENT = 5;

    private ComparisonFigures() {
    }

    /**
     * The comparison section of {@code section}'s variants against {@code baselineId}: one chart per validation
     * metric with every model's curve, and one of {@code finalMetric} per model with the seeds' spread and the
     * book's value; empty when the run has none of the variants.
     */
    static Optional<Section> section(RunRecord run, String section, String baselineId, String baselineName,
            String finalMetric, String finalLabel, String claim) {
        List<ExperimentResult> variants = run.experiments().stream().filter(e -> e.section().equals(section)).toList();
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        List<ExperimentResult> all = new ArrayList<>();
        run.experiments().stream().filter(e -> e.id().equals(baselineId)).forEach(all::add);
        all.addAll(variants);
        List<Figure> figures = new ArrayList<>();
        String prefix = section.replace('.', '-');
        for (String[] m : new String[][] {{"val_loss", "Validation loss"}, {"val_accuracy", "Validation accuracy"}}) {
            List<Series> series = new ArrayList<>();
            for (ExperimentResult e : all) {
                validationCurve(e, m[0]).ifPresent(y -> series.add(Series.perEpoch(name(e, baselineId, baselineName),
                        y, Series.Style.LINE)));
            }
            if (series.size() > 1) {
                figures.add(new Chart(prefix + "-compare-" + m[0].replace('_', '-'), m[1] + " of every model, by epoch "
                        + "(seed " + run.seed() + ")", "Epochs", m[1], series));
            }
        }
        List<PointChart.Point> points = new ArrayList<>();
        for (ExperimentResult e : all) {
            Double book = e.book().stream().filter(b -> b.metric().equals(finalMetric)).map(BookValue::value)
                    .findFirst().orElse(null);
            Double value = e.metrics().get(finalMetric);
            if (value == null) {
                continue;
            }
            List<Double> seeds = e.repeats().values().get(finalMetric);
            double low = seeds == null ? value : seeds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double high = seeds == null ? value : seeds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            points.add(new PointChart.Point(name(e, baselineId, baselineName), value, Math.min(low, value),
                    Math.max(high, value), book));
        }
        if (!points.isEmpty()) {
            figures.add(new PointChart(prefix + "-compare-" + finalMetric.replace('_', '-'), finalLabel
                    + " of every model beside the book's", finalLabel, points, null));
        }
        return Optional.of(new Section(section + " The comparison, at a glance", claim, List.of(), figures));
    }

    /** The legend text of a model: the change the book describes, or the baseline's name. */
    private static String name(ExperimentResult e, String baselineId, String baselineName) {
        if (e.id().equals(baselineId)) {
            return baselineName;
        }
        int with = e.title().indexOf(" with ");
        return with < 0 ? e.title() : e.title().substring(with + " with ".length());
    }

    private static Optional<double[]> validationCurve(ExperimentResult e, String key) {
        return e.curves().stream().filter(c -> c.values().containsKey(key)).findFirst()
                .map(c -> c.values().get(key).stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Every number the book reports against this run's, as the difference from the book in percent of the
     * book's value, with the seeds' spread and the band of agreement.
     */
    static PointChart summary(RunRecord run) {
        List<PointChart.Point> points = new ArrayList<>();
        for (ExperimentResult e : run.experiments()) {
            for (BookValue b : e.book()) {
                Double v = e.metrics().get(b.metric());
                if (v == null || b.value() == 0) {
                    continue;
                }
                List<Double> seeds = e.repeats().values().get(b.metric());
                double value = percent(v, b.value());
                double low = seeds == null ? value : percent(seeds.stream().mapToDouble(Double::doubleValue).min()
                        .orElseThrow(), b.value());
                double high = seeds == null ? value : percent(seeds.stream().mapToDouble(Double::doubleValue).max()
                        .orElseThrow(), b.value());
                points.add(new PointChart.Point(e.id() + " " + b.metric(), value, Math.min(low, value),
                        Math.max(high, value), null));
            }
        }
        return new PointChart("summary-vs-book", "Every number of the book against this run (" + run.backend()
                + "): difference in % of the book's value (0 = the book)", "difference from the book, %", points,
                new PointChart.Band(-BAND_PERCENT, BAND_PERCENT, String.format(Locale.ROOT, "within ±%.0f %% of the "
                        + "book", BAND_PERCENT)));
    }

    private static double percent(double v, double book) {
        return (v - book) / Math.abs(book) * 100;
    }
}
