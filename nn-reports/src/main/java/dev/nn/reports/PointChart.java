package dev.nn.reports;

import java.util.List;

/**
 * One value per category with its spread and a reference beside it: for example each variant's mean test
 * accuracy with the seeds' min–max as an error bar and the book's value as a marker, or every metric's
 * difference from the book with the band it should land in.
 *
 * @param id     file name stem
 * @param title  shown above the plot
 * @param yLabel the value axis label
 * @param points one per category, in the order shown
 * @param band   a shaded range of the value axis (e.g. the agreement band), or null
 */
public record PointChart(String id, String title, String yLabel, List<Point> points, Band band) implements Figure {

    /**
     * One category.
     *
     * @param label     its name on the axis
     * @param value     the mean (the dot)
     * @param low       bottom of the error bar (= value for none)
     * @param high      top of the error bar
     * @param reference the book's value, drawn as a marker beside the dot, or null
     */
    public record Point(String label, double value, double low, double high, Double reference) {

        public Point {
            if (!(low <= value && value <= high)) {
                throw new IllegalArgumentException("Point '" + label + "': expected low <= value <= high, received "
                        + low + ", " + value + ", " + high);
            }
        }

        /** A value without spread. */
        public static Point of(String label, double value, Double reference) {
            return new Point(label, value, value, value, reference);
        }
    }

    /** A shaded range of the value axis with its legend text. */
    public record Band(double low, double high, String label) {
    }

    public PointChart {
        Figure.checkId(id);
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("PointChart '" + id + "' has no points");
        }
    }

    /** The reference's legend text. */
    public static final String REFERENCE = "book";

    @Override
    public String alt() {
        StringBuilder s = new StringBuilder(title).append(": ");
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            s.append(i == 0 ? "" : "; ").append(p.label()).append(' ').append(num(p.value()));
            if (p.high() > p.low()) {
                s.append(" (").append(num(p.low())).append("–").append(num(p.high())).append(')');
            }
            if (p.reference() != null) {
                s.append(", book ").append(num(p.reference()));
            }
        }
        if (band != null) {
            s.append(". Band: ").append(band.label());
        }
        return s.toString();
    }

    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
