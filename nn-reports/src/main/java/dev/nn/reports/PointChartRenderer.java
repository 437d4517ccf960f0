package dev.nn.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws a {@link PointChart}: one row per category (names read across), a dot with its min–max as an error bar,
 * the book's value as a red diamond just below it, and the band (if any) shaded behind.
 */
final class PointChartRenderer {

    private static final double REFERENCE_OFFSET = 0.22;

    private PointChartRenderer() {
    }

    static JFreeChart build(PointChart chart) {
        boolean spread = chart.points().stream().anyMatch(p -> p.high() > p.low());
        YIntervalSeries values = new YIntervalSeries(spread ? "this run (mean; bar: min–max over seeds)" : "this run",
                false, true);
        XYSeries book = new XYSeries(PointChart.REFERENCE, false, true);
        String[] labels = new String[chart.points().size()];
        for (int i = 0; i < labels.length; i++) {
            PointChart.Point p = chart.points().get(i);
            labels[i] = p.label();
            values.add(i, p.value(), p.low(), p.high());
            if (p.reference() != null) {
                book.add(i + REFERENCE_OFFSET, p.reference());
            }
        }
        SymbolAxis x = new SymbolAxis(null, labels);
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, labels.length > 12 ? 11 : 13));
        x.setGridBandsVisible(false);
        x.setInverted(true); // the first category on top
        NumberAxis y = new NumberAxis(chart.yLabel());
        y.setAutoRangeIncludesZero(false);
        YIntervalSeriesCollection valueData = new YIntervalSeriesCollection();
        valueData.addSeries(values);
        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setDrawXError(false);
        errors.setDefaultLinesVisible(false);
        errors.setSeriesPaint(0, ChartRenderer.color(0));
        errors.setErrorPaint(ChartRenderer.color(0));
        errors.setErrorStroke(new BasicStroke(2f));
        errors.setCapLength(10);
        errors.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        XYPlot plot = new XYPlot(valueData, x, y, errors);
        if (book.getItemCount() > 0) {
            XYLineAndShapeRenderer markers = new XYLineAndShapeRenderer(false, true);
            markers.setSeriesPaint(0, ChartRenderer.color(3));
            markers.setSeriesShape(0, diamond(7));
            plot.setDataset(1, new XYSeriesCollection(book));
            plot.setRenderer(1, markers);
        }
        if (chart.band() != null) {
            IntervalMarker band = new IntervalMarker(chart.band().low(), chart.band().high(), new Color(0xe6f4ea));
            plot.addRangeMarker(band, Layer.BACKGROUND);
            y.setLabel(chart.yLabel() + " (shaded: " + chart.band().label() + ")");
        }
        x.setRange(-0.6, labels.length - 0.4);
        plot.setOrientation(org.jfree.chart.plot.PlotOrientation.HORIZONTAL); // long category names read across
        return ChartRenderer.styled(chart.title(), plot);
    }

    private static Path2D diamond(double r) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -r);
        d.lineTo(r, 0);
        d.lineTo(0, r);
        d.lineTo(-r, 0);
        d.closePath();
        return d;
    }
}
