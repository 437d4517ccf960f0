package dev.nn.experiments.results;

import dev.nn.experiments.BookValue;
import dev.nn.reports.Chart;
import dev.nn.reports.Report;
import dev.nn.reports.Link;
import dev.nn.reports.Section;
import dev.nn.reports.Series;
import dev.nn.reports.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Adapts one or more runs (e.g. one per backend) to the report model: the book beside each run. */
public final class RunReport {

    private RunReport() {
    }

    public static Report of(List<RunRecord> runs) {
        return of(runs, false);
    }

    /**
     * The report of {@code runs}; with {@code linkModels} (a report written into the run's own folder) each
     * section links to the model the run saved.
     */
    public static Report of(List<RunRecord> runs, boolean linkModels) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            String p = runs.size() == 1 ? "" : r.backend() + ": ";
            facts.put(p + "backend", r.backendDescription());
            facts.put(p + "seed, threads", r.seed() + ", " + r.threads());
            if (r.repeats() > 1) {
                facts.put(p + "test-set trainings", "each trained with " + r.repeats() + " seeds (" + r.seed() + " to "
                        + (r.seed() + r.repeats() - 1) + "); test metrics are their mean, curves and validation "
                        + "figures come from seed " + r.seed());
            }
            facts.put(p + "epochs", r.maxEpochs() == 0 ? "as in the book" : "capped at " + r.maxEpochs()
                    + (r.maxFolds() == 0 ? "" : ", " + r.maxFolds() + " fold(s)"));
            facts.put(p + "wall time", String.format(Locale.ROOT, "%.1f s (started %s, Java %s)", r.wallSeconds(),
                    r.startedAt(), r.java()));
        }
        List<Section> sections = new ArrayList<>();
        List<ExperimentResult> experiments = runs.get(0).experiments();
        for (int i = 0; i < experiments.size(); i++) {
            ExperimentResult e = experiments.get(i);
            sections.add(section(e, runs, linkModels && runs.size() == 1));
            boolean lastOfSection = i + 1 == experiments.size() || !experiments.get(i + 1).section().equals(e.section());
            if (lastOfSection && e.section().equals("3.4.7")) {
                ComparisonFigures.section(runs.get(0), "3.4.7", "imdb", "the 3.4 model (Dense 16, 16, 1)",
                        "test_accuracy", "Test accuracy", "The book's point: none of these changes beats the 3.4 "
                        + "model by much. Validation curves of one seed; test accuracy as the mean over the seeds "
                        + "with their min–max, the book's value as a red diamond.").ifPresent(sections::add);
            }
            if (lastOfSection && e.section().equals("3.5.7")) {
                ComparisonFigures.section(runs.get(0), "3.5.7", "reuters", "the 3.5 model (Dense 64, 64, 46; batch "
                        + "512)", "final_val_accuracy", "Final validation accuracy", "The book's point: a Dense(4) "
                        + "bottleneck loses information, and bigger is not better. Validation curves and final "
                        + "validation accuracy of one seed, the book's value as a red diamond.")
                        .ifPresent(sections::add);
            }
        }
        String backends = String.join(" vs ", runs.stream().map(RunRecord::backend).toList());
        return new Report("Deep Learning with Python, Chapter 3: the book vs " + backends, facts,
                List.of(summary(runs)), List.of(ComparisonFigures.summary(runs.get(0))), sections);
    }

    /** Every book number beside each run's value and the difference. */
    static Table summary(List<RunRecord> runs) {
        List<String> headers = new ArrayList<>(List.of("experiment", "section", "metric", "book"));
        boolean repeated = runs.stream().anyMatch(r -> r.experiments().stream().anyMatch(e -> e.repeats().seeds().size() > 1));
        for (RunRecord r : runs) {
            headers.add(r.backend());
            headers.add(r.backend() + " - book");
            if (repeated) {
                headers.add(r.backend() + " min–max over seeds");
            }
        }
        headers.add("time (s)");
        List<List<String>> rows = new ArrayList<>();
        for (ExperimentResult e : runs.get(0).experiments()) {
            for (BookValue b : e.book()) {
                List<String> row = new ArrayList<>(List.of(e.id(), e.section(), b.metric(), num(b.value())));
                for (RunRecord r : runs) {
                    Optional<Double> v = find(r, e.id()).map(x -> x.metrics().get(b.metric()));
                    row.add(v.map(RunReport::num).orElse("—"));
                    row.add(v.map(x -> String.format(Locale.ROOT, "%+.4f", x - b.value())).orElse("—"));
                    if (repeated) {
                        row.add(find(r, e.id()).map(x -> range(x.repeats(), b.metric())).orElse("—"));
                    }
                }
                row.add(String.join(" / ", runs.stream().map(r -> find(r, e.id())
                        .map(x -> String.format(Locale.ROOT, "%.1f", x.seconds())).orElse("—")).toList()));
                rows.add(row);
            }
        }
        return Table.of(headers, rows);
    }

    private static Section section(ExperimentResult e, List<RunRecord> runs, boolean linkModel) {
        List<String> headers = new ArrayList<>(List.of("metric", "book"));
        runs.forEach(r -> headers.add(r.backend()));
        List<List<String>> rows = new ArrayList<>();
        for (String metric : e.metrics().keySet()) {
            List<String> row = new ArrayList<>();
            row.add(metric);
            row.add(e.book().stream().filter(b -> b.metric().equals(metric)).findFirst().map(b -> num(b.value()))
                    .orElse(""));
            for (RunRecord r : runs) {
                row.add(find(r, e.id()).map(x -> x.metrics().get(metric)).map(RunReport::num).orElse("—"));
            }
            rows.add(row);
        }
        List<Table> tables = new ArrayList<>(List.of(Table.of(headers, rows)));
        perSeed(e.id(), runs).ifPresent(tables::add);
        List<dev.nn.reports.Figure> charts = new ArrayList<>();
        String seed = " (seed " + runs.get(0).seed() + ")";
        for (String[] kind : new String[][] {{"loss", "Training and validation loss", "Loss"},
            {"accuracy", "Training and validation accuracy", "Accuracy"},
            {"val_mae", "Validation MAE by epoch: the average over the folds, and each fold", "Validation MAE"},
            {"val_mae_smoothed", "Validation MAE by epoch, averaged over the folds, smoothed, first 10 epochs "
                    + "dropped", "Validation MAE"}}) {
            List<Series> series = new ArrayList<>();
            for (RunRecord r : runs) {
                String p = runs.size() == 1 ? "" : r.backend() + " ";
                // a training curve without validation (a few dots) tells nothing the table does not
                find(r, e.id()).flatMap(x -> x.curves().stream().filter(c -> c.values().containsKey(kind[0])
                        && (kind[0].startsWith("val_") || c.values().containsKey("val_" + kind[0]))).findFirst())
                        .ifPresent(c -> addSeries(series, p, kind[0], c, e.id()));
                if (kind[0].equals("val_mae")) {
                    find(r, e.id()).ifPresent(x -> x.curves().stream().filter(c -> c.values().containsKey(
                            "val_mae_fold")).forEach(c -> series.add(Series.perEpoch(p + c.label().replace(
                                    ", validation MAE per epoch", ""), unbox(c.values().get("val_mae_fold")),
                                    Series.Style.LINE))));
                }
            }
            if (kind[0].equals("val_mae") && series.size() > 1) {
                series.add(series.remove(0)); // the average last, drawn over the folds
            }
            if (!series.isEmpty()) {
                charts.add(new Chart(e.id() + "-" + kind[0].replace('_', '-'), kind[1] + seed, "Epochs", kind[2],
                        series));
            }
        }
        String notes = e.notes().isEmpty() ? "" : " Notes: " + String.join("; ", e.notes());
        List<Link> links = linkModel && e.model() != null
                ? List.of(new Link("Saved model (Keras 3, seed " + firstSeed(e) + "): " + e.model(), e.model()))
                : List.of();
        return new Section(e.section() + " " + e.title() + " (" + e.id() + ")", e.description() + notes,
                tables, charts, links);
    }

    private static String firstSeed(ExperimentResult e) {
        return e.repeats().seeds().isEmpty() ? "of the run" : String.valueOf(e.repeats().seeds().get(0));
    }

    /** {@code min–max} over the seeds of a repeated metric, or empty when it ran with one seed. */
    private static String range(Repeats repeats, String metric) {
        List<Double> v = repeats.values().get(metric);
        if (v == null || v.size() < 2) {
            return "";
        }
        return num(v.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) + "–"
                + num(v.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    /** One row per run and repeated metric: the value of each seed, then mean and standard deviation. */
    private static Optional<Table> perSeed(String id, List<RunRecord> runs) {
        List<Long> seeds = null;
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            Optional<Repeats> rep = find(r, id).map(ExperimentResult::repeats).filter(x -> x.seeds().size() > 1);
            if (rep.isEmpty() || (seeds != null && !seeds.equals(rep.get().seeds()))) {
                continue;
            }
            seeds = rep.get().seeds();
            for (Map.Entry<String, List<Double>> m : rep.get().values().entrySet()) {
                List<String> row = new ArrayList<>(List.of(runs.size() == 1 ? m.getKey() : r.backend() + " " + m.getKey()));
                m.getValue().forEach(v -> row.add(num(v)));
                row.add(num(rep.get().mean(m.getKey())));
                row.add(num(rep.get().std(m.getKey())));
                rows.add(row);
            }
        }
        if (seeds == null) {
            return Optional.empty();
        }
        List<String> headers = new ArrayList<>(List.of("test-set training"));
        seeds.forEach(s -> headers.add("seed " + s));
        headers.add("mean");
        headers.add("std");
        return Optional.of(Table.of(headers, rows));
    }

    private static void addSeries(List<Series> series, String prefix, String key, Curve c, String id) {
        List<Double> train = c.values().get(key);
        if (train.isEmpty()) {
            return;
        }
        if (key.startsWith("val_")) {
            double[] y = train.stream().mapToDouble(Double::doubleValue).toArray();
            double[] x = new double[y.length];
            int offset = key.endsWith("smoothed") ? 10 : 0; // the smoothed curve starts after the 10 dropped epochs
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1 + offset;
            }
            series.add(new Series(prefix + (key.equals("val_mae") ? "average over the folds" : key.replace('_', ' ')),
                    x, y, Series.Style.LINE));
            return;
        }
        series.add(Series.perEpoch(prefix + "Training " + key + " (dots)", unbox(train), Series.Style.DOTS));
        List<Double> val = c.values().get("val_" + key);
        if (val != null) {
            series.add(Series.perEpoch(prefix + "Validation " + key, unbox(val), Series.Style.LINE));
        }
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Optional<ExperimentResult> find(RunRecord r, String id) {
        return r.experiments().stream().filter(x -> x.id().equals(id)).findFirst();
    }

    private static String num(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
