package dev.nn.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link Chart} as a PNG in the look of the book's matplotlib figures: white background, light
 * grid, dots for training values and a line for validation in the same colour, a legend inside the plot.
 * Fixed size and anti-aliased; the same chart always gives the same bytes.
 */
public final class ChartRenderer {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    /** matplotlib's default cycle: blue, orange, green, red, purple, brown. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};

    private ChartRenderer() {
    }

    /**
     * Writes {@code figure} to {@code file} as a {@value #WIDTH} x {@value #HEIGHT} PNG, through a temporary file
     * in the same folder moved into place (a link already at {@code file} is replaced, never followed).
     */
    public static void png(Figure figure, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        JFreeChart jfree = figure instanceof Chart c ? build(c) : PointChartRenderer.build((PointChart) figure);
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, jfree, WIDTH, HEIGHT));
    }

    /**
     * Why {@code figure} cannot be drawn, or {@code null} when it can: finite values whose span overflows a
     * double (say -1e308 to 1e308) leave an axis no range to scale, and JFreeChart refuses them.
     */
    static String undrawable(Figure figure) {
        java.util.List<java.util.List<double[]>> axes = new java.util.ArrayList<>();
        if (figure instanceof Chart c) {
            axes.add(c.series().stream().map(Series::x).toList());
            axes.add(c.series().stream().map(Series::y).toList());
        } else {
            axes.add(((PointChart) figure).points().stream().map(pt -> new double[] {pt.value(), pt.low(), pt.high(),
                pt.reference() == null ? Double.NaN : pt.reference()}).toList());
        }
        for (java.util.List<double[]> axis : axes) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] values : axis) {
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            // the axis adds margins around its data: leave room for them
            if (lo <= hi && !(Double.isFinite((hi - lo) * 4) && Double.isFinite(hi * 4) && Double.isFinite(lo * 4))) {
                return String.format(java.util.Locale.ROOT, "its values run from %.3g to %.3g, a span no chart axis "
                        + "can hold (the numbers are in the tables)", lo, hi);
            }
        }
        return null;
    }

    /** matplotlib's colour {@code i} of its default cycle. */
    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** The book's look: white plot, light grid, sans-serif labels, legend on top. */
    static JFreeChart styled(String title, org.jfree.chart.plot.XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(Color.DARK_GRAY);
        Font axisFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        plot.getDomainAxis().setLabelFont(axisFont);
        plot.getRangeAxis().setLabelFont(axisFont);
        JFreeChart jfree = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.PLAIN, 18), plot, true);
        jfree.setBackgroundPaint(Color.WHITE);
        jfree.setAntiAlias(true);
        jfree.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        LegendTitle legend = jfree.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return jfree;
    }

    static JFreeChart build(Chart chart) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        int color = -1;
        Series.Style previous = null;
        for (int i = 0; i < chart.series().size(); i++) {
            Series s = chart.series().get(i);
            XYSeries xy = new XYSeries(s.name() + " ".repeat(i), false, true); // keys must be unique
            for (int k = 0; k < s.x().length; k++) {
                xy.add(s.x()[k], s.y()[k]);
            }
            data.addSeries(xy);
            // a line right after dots continues the dots' colour, as the book's "bo" then "b"
            if (!(s.style() == Series.Style.LINE && previous == Series.Style.DOTS)) {
                color++;
            }
            previous = s.style();
            Color c = color(color);
            renderer.setSeriesPaint(i, c);
            boolean dots = s.style() == Series.Style.DOTS;
            renderer.setSeriesLinesVisible(i, !dots);
            renderer.setSeriesShapesVisible(i, dots);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        NumberAxis x = new NumberAxis(chart.xLabel());
        NumberAxis y = new NumberAxis(chart.yLabel());
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        if (chart.series().stream().allMatch(s -> java.util.Arrays.stream(s.x()).allMatch(v -> v == Math.rint(v)))) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // epochs: 1, 2, 3, never 2.5
        }
        return styled(chart.title(), new XYPlot(data, x, y, renderer));
    }
}
