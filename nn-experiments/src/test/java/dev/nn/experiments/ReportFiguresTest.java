package dev.nn.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.experiments.cli.Main;
import dev.nn.experiments.results.RunFiles;
import dev.nn.experiments.results.RunRecord;
import dev.nn.experiments.results.RunReport;
import dev.nn.reports.Chart;
import dev.nn.reports.Figure;
import dev.nn.reports.PointChart;
import dev.nn.reports.Report;
import dev.nn.reports.Reports;
import dev.nn.reports.Section;
import dev.nn.reports.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's comparison and summary figures, from a real (short) run of 3.4 and 3.5 with two seeds. */
class ReportFiguresTest {

    private static final Path DATA = Path.of(System.getProperty("nn.data.dir", "../../shared/data"));

    @TempDir
    static Path dir;

    private static RunRecord run;

    @BeforeAll
    static void shortRun() throws Exception {
        String[] r = Cli.capture(() -> Main.run("3.4", "3.5", "--epochs", "2", "--repeats", "2", "--threads", "2",
                "--data-dir", DATA.toString(), "--out", dir.resolve("run").toString()));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("== [1/13] 3.4").contains("run: 13/13 done in").contains("s left\n");
        run = RunFiles.read(dir.resolve("run/results.json"));
    }

    private static Section section(Report report, String title) {
        return report.sections().stream().filter(s -> s.title().startsWith(title)).findFirst().orElseThrow();
    }

    private static <T extends Figure> T figure(Section s, String id, Class<T> type) {
        return type.cast(s.charts().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow());
    }

    @Test
    void theVariantSectionsAreFollowedByTheirComparisonInTheBooksOrder() {
        Report report = RunReport.of(List.of(run), true);
        List<String> titles = report.sections().stream().map(Section::title).toList();
        assertThat(titles.get(0)).startsWith("3.4 ");
        assertThat(titles.subList(1, 6)).extracting(t -> t.substring(t.lastIndexOf('(') + 1, t.length() - 1))
                .containsExactly("imdb-one-layer", "imdb-four-hidden", "imdb-wide", "imdb-mse", "imdb-tanh");
        assertThat(titles.get(6)).isEqualTo("3.4.7 The comparison, at a glance");
        assertThat(titles.get(titles.size() - 1)).isEqualTo("3.5.7 The comparison, at a glance");
    }

    @Test
    void comparisonFiguresCarryEveryVariantAndTheBooksMarkers() {
        Report report = RunReport.of(List.of(run), true);
        Section imdb = section(report, "3.4.7 The comparison");
        Chart valLoss = figure(imdb, "3-4-7-compare-val-loss", Chart.class);
        assertThat(valLoss.series()).extracting(Series::name).containsExactly("the 3.4 model (Dense 16, 16, 1)",
                "a single Dense(1, sigmoid) layer", "four Dense(16, relu) hidden layers",
                "Dense(16) then Dense(1024) hidden layers", "mean squared error instead of binary cross-entropy",
                "tanh instead of relu activations");
        assertThat(valLoss.series()).allSatisfy(s -> assertThat(s.y()).hasSize(2));
        PointChart accuracy = figure(imdb, "3-4-7-compare-test-accuracy", PointChart.class);
        assertThat(accuracy.points()).hasSize(6);
        assertThat(accuracy.points()).extracting(PointChart.Point::reference)
                .containsExactly(0.8836, 0.8732, 0.8806, 0.8812, 0.8828, 0.8772);
        assertThat(accuracy.points()).allSatisfy(p -> assertThat(p.high()).isGreaterThan(p.low()));
        Section reuters = section(report, "3.5.7 The comparison");
        PointChart capacity = figure(reuters, "3-5-7-compare-final-val-accuracy", PointChart.class);
        assertThat(capacity.points()).extracting(PointChart.Point::reference)
                .containsExactly(0.68, 0.785, 0.803, 0.796, 0.79);
        assertThat(figure(reuters, "3-5-7-compare-val-accuracy", Chart.class).series()).hasSize(6);
        assertThat(report.figures()).singleElement().isInstanceOfSatisfying(PointChart.class, s -> {
            assertThat(s.points()).hasSize(run.experiments().stream().mapToInt(e -> e.book().size()).sum());
            assertThat(s.band()).isNotNull();
        });
    }

    @Test
    void noChartShowsATrainingWithoutValidationAndEveryImageSaysWhatItShows() throws Exception {
        Report report = RunReport.of(List.of(run), true);
        for (Section s : report.sections()) {
            for (Figure f : s.charts()) {
                if (f instanceof Chart c && c.series().stream().anyMatch(x -> x.style() == Series.Style.DOTS)) {
                    assertThat(c.series()).as(c.id()).anyMatch(x -> x.name().startsWith("Validation"));
                    assertThat(c.title()).contains("Training and validation").contains("(seed 42)");
                }
            }
        }
        String md = Files.readString(dir.resolve("run/report.md"));
        assertThat(md).doesNotContain("![](").contains("![Test accuracy of every model beside the book's: the 3.4 model");
        assertThat(md.indexOf("summary-vs-book.png")).isLessThan(md.indexOf("| experiment |"))
                .isLessThan(md.indexOf("## 3.4 "));
    }

    @Test
    void theFiguresAreTheSameBytesOnEveryRender() throws Exception {
        Report report = RunReport.of(List.of(run), true);
        Reports.Rendered a = Reports.render(report, dir.resolve("a"));
        Reports.Rendered b = Reports.render(report, dir.resolve("b"));
        assertThat(a.charts()).hasSameSizeAs(b.charts()).hasSizeGreaterThan(20);
        for (int i = 0; i < a.charts().size(); i++) {
            assertThat(Files.readAllBytes(b.charts().get(i))).as(a.charts().get(i).getFileName().toString())
                    .isEqualTo(Files.readAllBytes(a.charts().get(i)));
        }
    }
}
