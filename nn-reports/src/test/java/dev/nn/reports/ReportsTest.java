package dev.nn.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path out;

    static Report fixture() {
        double[] loss = {0.52, 0.30, 0.22, 0.17, 0.14, 0.11};
        double[] valLoss = {0.38, 0.30, 0.28, 0.29, 0.31, 0.35};
        Chart chart = new Chart("imdb-loss", "Training and validation loss", "Epochs", "Loss",
                List.of(Series.perEpoch("Training loss", loss, Series.Style.DOTS),
                        Series.perEpoch("Validation loss", valLoss, Series.Style.LINE)));
        Table results = Table.of(List.of("metric", "book", "this run", "difference"),
                List.of(List.of("test accuracy", "0.8836", "0.8850", "+0.0014")));
        Section imdb = new Section("IMDB <script>alert(1)</script> | binary", "Dense 16 → 16 → 1 with *RMSprop*.",
                List.of(results), List.of(chart), List.of(new Link("model <b>imdb</b>.keras", "models/imdb.keras")));
        Section boston = new Section("Boston", "", List.of(), List.of(new Chart("boston-mae", "Validation MAE by epoch",
                "Epochs", "Validation MAE", List.of(Series.perEpoch("smoothed", new double[] {3.1, 2.8, 2.6, 2.5},
                        Series.Style.LINE)))));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("backend", "java (2 threads)");
        facts.put("seed", "42");
        return new Report("Chapter 3 | run", facts,
                List.of(Table.of(List.of("experiment", "book", "java"), List.of(List.of("imdb", "0.8836", "0.8850")))),
                List.of(imdb, boston));
    }

    @Test
    void htmlHasASectionPerExperimentEscapesTextAndLinksToFilesThatExist() throws Exception {
        Reports.Rendered r = Reports.render(fixture(), out);
        String html = Files.readString(r.html());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Chapter 3 | run</title>")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; | binary");
        assertThat(count(html, "<h2>")).isEqualTo(2);
        assertThat(count(html, "<table>")).isEqualTo(2);
        assertThat(html).contains(">0.8836</td>").contains("*RMSprop*");
        assertThat(html).contains("<a href=\"models/imdb.keras\">model &lt;b&gt;imdb&lt;/b&gt;.keras</a>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Link("x", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("href=javascript:alert(1)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Link("x", "../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        Matcher m = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            assertThat(out.resolve(m.group(1))).as("linked image %s", m.group(1)).isRegularFile();
            images++;
        }
        assertThat(images).isEqualTo(2);
        String md = Files.readString(r.markdown());
        assertThat(md).contains("\\| binary").contains("![Training and validation loss: Loss against epochs, Training loss, Validation loss]"
                + "(charts/imdb-loss.png)");
    }

    @Test
    void outputsReplaceAPlantedLinkWithoutFollowingItAndShareOneMode() throws Exception {
        Path victim = out.resolve("victim.txt");
        Files.writeString(victim, "keep me");
        Files.createDirectories(out.resolve("charts"));
        Files.createSymbolicLink(out.resolve("charts/imdb-loss.png"), victim);
        Files.createSymbolicLink(out.resolve("report.md"), victim);
        Reports.Rendered r = Reports.render(fixture(), out);
        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(out.resolve("charts/imdb-loss.png"))).isFalse();
        for (Path p : List.of(r.markdown(), r.html(), r.charts().get(0))) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                    .as(p.toString()).isEqualTo("rw-r--r--");
        }
        try (var left = Files.list(out.resolve("charts"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void pointChartsDrawDeterministicallyWithWholeNumberEpochTicksOnCurves() throws Exception {
        PointChart p = new PointChart("acc", "Test accuracy", "accuracy", List.of(
                new PointChart.Point("baseline", 0.885, 0.884, 0.887, 0.8836),
                PointChart.Point.of("one layer", 0.872, 0.8732)), new PointChart.Band(0.87, 0.89, "band"));
        assertThat(p.alt()).isEqualTo("Test accuracy: baseline 0.8850 (0.8840–0.8870), book 0.8836; one layer "
                + "0.8720, book 0.8732. Band: band");
        Path a = out.resolve("a.png");
        Path b = out.resolve("b.png");
        ChartRenderer.png(p, a);
        ChartRenderer.png(p, b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(ImageIO.read(a.toFile()).getWidth()).isEqualTo(ChartRenderer.WIDTH);
        org.jfree.chart.plot.XYPlot plot = (org.jfree.chart.plot.XYPlot) ChartRenderer.build(fixture().sections()
                .get(0).charts().stream().map(Chart.class::cast).findFirst().orElseThrow()).getPlot();
        org.jfree.chart.axis.NumberAxis x = (org.jfree.chart.axis.NumberAxis) plot.getDomainAxis();
        assertThat(x.getStandardTickUnits().getCeilingTickUnit(0.5).getSize()).as("no half epochs").isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PointChart.Point("x", 2, 3, 4, null))
                .hasMessageContaining("low <= value <= high");
    }

    @Test
    void chartsAreFixedSizeDrawnAndDeterministic() throws Exception {
        Reports.Rendered r = Reports.render(fixture(), out);
        Path png = r.charts().get(0);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(ChartRenderer.WIDTH);
        assertThat(img.getHeight()).isEqualTo(ChartRenderer.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        int blue = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb == 0x1f77b4) {
                    blue++;
                }
            }
        }
        assertThat(colours).as("not blank").hasSizeGreaterThan(8);
        assertThat(blue).as("the series are drawn in the first palette colour").isGreaterThan(300);
        byte[] first = Files.readAllBytes(png);
        Reports.render(fixture(), out.resolve("again"));
        assertThat(Files.readAllBytes(out.resolve("again/charts/imdb-loss.png"))).isEqualTo(first);
    }

    @Test
    void badModelsAreRejectedNamingTheProblem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Chart("../x", "t", "x", "y", List.of()))
                .hasMessageContaining("id=../x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Table.of(List.of("a", "b"), List.of(List.of("1"))))
                .hasMessageContaining("Row 0 has 1 cells, expected 2");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
