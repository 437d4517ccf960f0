package dev.nn.reports;

import java.util.List;

/**
 * One part of a report, e.g. one experiment.
 *
 * @param title       heading
 * @param description a paragraph of plain text (escaped when rendered)
 * @param tables      result tables
 * @param charts      figures shown under the tables
 * @param links       files of the run shown under the description, e.g. the saved model
 */
public record Section(String title, String description, List<Table> tables, List<Figure> charts, List<Link> links) {

    public Section {
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        links = List.copyOf(links);
    }

    /** A section without links. */
    public Section(String title, String description, List<Table> tables, List<? extends Figure> charts) {
        this(title, description, tables, List.copyOf(charts), List.of());
    }
}
