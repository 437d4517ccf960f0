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
public record Chart(String id, String title, String xLabel, String yLabel, List<Series> series) implements Figure {

    public Chart {
        Figure.checkId(id);
        series = List.copyOf(series);
    }

    /** The title, the axes and every series by name. */
    @Override
    public String alt() {
        return title + ": " + yLabel + " against " + xLabel.toLowerCase(java.util.Locale.ROOT) + ", "
                + String.join(", ", series.stream().map(s -> s.name().strip()).toList());
    }
}
