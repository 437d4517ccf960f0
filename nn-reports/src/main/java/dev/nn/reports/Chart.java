package dev.nn.reports;

import java.util.List;

/**
 * A line chart, rendered to {@code <id>.png}.
 *
 * @param id     file name stem: letters, digits, {@code -} and {@code _}
 * @param title  shown above the plot
 * @param xLabel x axis label, e.g. {@code Epochs}
 * @param yLabel y axis label, e.g. {@code Loss}
 * @param series one or more series
 */
public record Chart(String id, String title, String xLabel, String yLabel, List<Series> series) {

    public Chart {
        if (!id.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(
                    "Received an invalid chart id, expected letters, digits, - and _. Received: id=" + id);
        }
        series = List.copyOf(series);
    }
}
