package dev.nn.reports;

import java.util.List;

/**
 * One part of a report, e.g. one experiment.
 *
 * @param title       heading
 * @param description a paragraph of plain text (escaped when rendered)
 * @param tables      result tables
 * @param charts      curves shown under the tables
 */
public record Section(String title, String description, List<Table> tables, List<Chart> charts) {

    public Section {
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
    }
}
