package dev.nn.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a report into a folder: {@code report.md}, {@code report.html} and {@code charts/<id>.png}.
 *
 * <pre>{@code
 * Reports.render(report, Path.of("runs/latest"));
 * }</pre>
 */
public final class Reports {

    /** Where the PNGs go, relative to the report files. */
    public static final String CHART_DIR = "charts/";

    /**
     * The files written.
     *
     * @param notDrawn figure id to why it was not drawn (its values span more than an axis can hold); the
     *                 report says so in its place
     */
    public record Rendered(Path markdown, Path html, List<Path> charts, java.util.Map<String, String> notDrawn) {
    }

    private Reports() {
    }

    public static Rendered render(Report report, Path outDir) throws IOException {
        Path charts = outDir.resolve(CHART_DIR);
        Files.createDirectories(charts);
        List<Path> pngs = new ArrayList<>();
        List<Figure> figures = new ArrayList<>(report.figures());
        report.sections().forEach(s -> figures.addAll(s.charts()));
        java.util.Map<String, String> notDrawn = new java.util.LinkedHashMap<>();
        for (Figure f : figures) {
            String why = ChartRenderer.undrawable(f);
            if (why != null) {
                notDrawn.put(f.id(), why);
                continue;
            }
            Path png = charts.resolve(f.id() + ".png");
            ChartRenderer.png(f, png);
            pngs.add(png);
        }
        Path md = write(outDir.resolve("report.md"), MarkdownRenderer.render(report, CHART_DIR, notDrawn));
        Path html = write(outDir.resolve("report.html"), HtmlRenderer.render(report, CHART_DIR, notDrawn));
        return new Rendered(md, html, pngs, java.util.Collections.unmodifiableMap(notDrawn));
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a report. */
    private static Path write(Path file, String text) throws IOException {
        return AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
