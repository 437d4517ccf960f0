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

    /** The files written. */
    public record Rendered(Path markdown, Path html, List<Path> charts) {
    }

    private Reports() {
    }

    public static Rendered render(Report report, Path outDir) throws IOException {
        Path charts = outDir.resolve(CHART_DIR);
        Files.createDirectories(charts);
        List<Path> pngs = new ArrayList<>();
        List<Figure> figures = new ArrayList<>(report.figures());
        report.sections().forEach(s -> figures.addAll(s.charts()));
        for (Figure f : figures) {
            Path png = charts.resolve(f.id() + ".png");
            ChartRenderer.png(f, png);
            pngs.add(png);
        }
        Path md = write(outDir.resolve("report.md"), MarkdownRenderer.render(report, CHART_DIR));
        Path html = write(outDir.resolve("report.html"), HtmlRenderer.render(report, CHART_DIR));
        return new Rendered(md, html, pngs);
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a report. */
    private static Path write(Path file, String text) throws IOException {
        return AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
