package dev.nn.reports;

import java.util.List;
import java.util.Map;

/**
 * A whole report: a title, facts about the run (backend, seed, threads, times), summary tables
 * (e.g. the book beside each backend), then sections.
 *
 * @param title    page title
 * @param facts    label to value, shown as a list in the order given
 * @param summary  tables shown before the sections
 * @param figures  figures shown with the summary, before the sections
 * @param sections one per experiment
 */
public record Report(String title, Map<String, String> facts, List<Table> summary, List<Figure> figures,
        List<Section> sections) {

    public Report {
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        summary = List.copyOf(summary);
        figures = List.copyOf(figures);
        sections = List.copyOf(sections);
    }

    /** A report without summary figures. */
    public Report(String title, Map<String, String> facts, List<Table> summary, List<Section> sections) {
        this(title, facts, summary, List.of(), sections);
    }
}
