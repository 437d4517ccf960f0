package dev.nn.reports;

import java.util.List;

/**
 * A table of text cells. Cells are plain text: renderers escape them.
 *
 * @param headers column titles
 * @param rows    each as long as {@code headers}
 */
public record Table(List<String> headers, List<List<String>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != headers.size()) {
                throw new IllegalArgumentException("Row " + i + " has " + rows.get(i).size() + " cells, expected "
                        + headers.size() + " (one per header)");
            }
        }
    }

    public static Table of(List<String> headers, List<List<String>> rows) {
        return new Table(headers, rows);
    }
}
