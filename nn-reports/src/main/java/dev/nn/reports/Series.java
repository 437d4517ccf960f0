package dev.nn.reports;

/**
 * One line of a chart.
 *
 * @param name  legend entry
 * @param x     x values
 * @param y     y values, as many as {@code x}
 * @param style dots (the book's {@code "bo"}) or a line ({@code "b"})
 */
public record Series(String name, double[] x, double[] y, Style style) {

    /** How a series is drawn. */
    public enum Style {
        DOTS,
        LINE
    }

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Series '" + name + "' has " + x.length + " x values and " + y.length
                    + " y values");
        }
    }

    /** {@code y} against 1, 2, 3, ...: per-epoch values. */
    public static Series perEpoch(String name, double[] y, Style style) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return new Series(name, x, y, style);
    }
}
