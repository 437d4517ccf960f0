package dev.nn.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.experiments.cli.Main;
import dev.nn.experiments.results.RunFiles;
import dev.nn.experiments.results.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    private static final String DATA = dataDir();

    @TempDir
    Path out;

    private static String dataDir() {
        Path dir = Path.of(System.getProperty("nn.data.dir", "../../shared/data"));
        if (!Files.isRegularFile(dir.resolve("imdb.npz"))) {
            throw new AssertionError("missing data files in " + dir.toAbsolutePath());
        }
        return dir.toString();
    }

    private static String[] capture(Supplier<Integer> run) {
        return Cli.capture(run);
    }

    @Test
    void listShowsEveryExperimentInBookOrder() {
        String[] r = capture(() -> Main.run("--list"));
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("imdb ", "imdb-tanh", "reuters-int-labels", "reuters-wide", "boston", "Backends: java");
        assertThat(r[1].indexOf("  imdb ")).isLessThan(r[1].indexOf("imdb-four-hidden"));
        assertThat(r[1].indexOf("imdb-wide")).isLessThan(r[1].indexOf("  reuters "));
    }

    @Test
    void anUnknownExperimentOrBackendExitsWithTwoAndTheValidChoices() {
        String[] r = capture(() -> Main.run("imdb-huge"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("Unknown experiment 'imdb-huge'").contains("reuters-bottleneck").contains("3.5");
        r = capture(() -> Main.run("--backend", "cuda", "imdb"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("Unknown backend 'cuda'").contains("Available: java");
    }

    @Test
    void repeatsBelowOneIsAUsageError() {
        String[] r = capture(() -> Main.run("imdb", "--repeats", "0"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--repeats").contains("at least 1");
        r = capture(() -> Main.run("imdb", "--epochs", "-1", "--data-dir", DATA));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("epochs=-1").contains("0 (the book's) or positive");
        for (String t : new String[] {"0", "-3", "40000"}) {
            r = capture(() -> Main.run("boston", "--threads", t, "--data-dir", DATA));
            assertThat(r[0]).as("--threads " + t).isEqualTo("2");
            assertThat(r[2]).contains("--threads").contains("expected 1 to 1024").doesNotContain("null");
        }
        r = capture(() -> Main.run("boston", "--out", "", "--data-dir", DATA));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--out").contains("empty path");
        r = capture(() -> Main.run("boston", "--folds", "1000", "--data-dir", DATA));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--folds").contains("expected 0 (all) to 4");
        r = capture(() -> Main.run("boston", "--data-dir", "/no/such/folder"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--data-dir").contains("/no/such/folder is not a folder").doesNotContain("null");
        r = capture(() -> Main.run("boston", "--folds", "-2", "--data-dir", DATA));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("folds=-2");
    }

    @Test
    void aMissingDataFileNamesTheFileAndWhereItWasLookedFor() throws Exception {
        Files.createDirectories(out.resolve("empty")); // a folder that exists but lacks the file
        String[] r = capture(() -> Main.run("boston", "--smoke", "--data-dir", out.resolve("empty").toString(),
                "--out", out.toString()));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("boston_housing.npz").contains(out.resolve("empty").toString());
    }

    @Test
    void everyInputAndTheOutputFolderAreCheckedBeforeAnyTraining() throws Exception {
        Path partial = out.resolve("partial");
        Files.createDirectories(partial);
        Files.createSymbolicLink(partial.resolve("imdb.npz"), Path.of(DATA).toAbsolutePath().resolve("imdb.npz"));
        String[] r = capture(() -> Main.run("imdb", "--smoke", "--data-dir", partial.toString(), "--out",
                out.resolve("o1").toString()));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("imdb_word_index.json").contains(partial.toString());
        assertThat(r[1]).doesNotContain("Epoch");
        r = capture(() -> Main.run("reuters-bottleneck", "--smoke", "--data-dir", DATA, "--out", "/proc/nn-out"));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("cannot write the results to --out /proc/nn-out").contains("writable folder");
        assertThat(r[1]).doesNotContain("Epoch");
    }

    @Test
    void aSmokeRunOfEveryExperimentWritesResultsAndAReport() throws Exception {
        String[] r = capture(() -> Main.run("all", "--smoke", "--threads", "2", "--data-dir", DATA, "--out",
                out.toString()));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        RunRecord run = RunFiles.read(out.resolve("results.json"));
        assertThat(run.experiments()).hasSize(14);
        assertThat(run.maxEpochs()).isEqualTo(1);
        assertThat(run.experiments()).allSatisfy(e -> assertThat(e.metrics()).isNotEmpty());
        // test-set trainings ran with seeds 42, 43, 44 (the default --repeats 3); the metric is their mean
        assertThat(run.repeats()).isEqualTo(3);
        var wide = run.experiments().stream().filter(e -> e.id().equals("imdb-wide")).findFirst().orElseThrow();
        assertThat(wide.repeats().seeds()).containsExactly(42L, 43L, 44L);
        java.util.List<Double> accuracies = wide.repeats().values().get("test_accuracy");
        assertThat(accuracies).hasSize(3).doesNotHaveDuplicates();
        assertThat(wide.metrics().get("test_accuracy"))
                .isCloseTo(accuracies.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                        org.assertj.core.data.Offset.offset(1e-12));
        var boston = run.experiments().stream().filter(e -> e.id().equals("boston")).findFirst().orElseThrow();
        assertThat(boston.repeats().values()).containsOnlyKeys("test_mse", "test_mae");
        assertThat(r[1]).contains("mean of seeds [42, 43, 44]: test_loss [");
        assertThat(Files.readString(out.resolve("report.md"))).contains("| seed 42 | seed 43 | seed 44 | mean | std |")
                .contains("java min–max over seeds");
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("charts/imdb-loss.png")).isRegularFile();
        assertThat(out.resolve("charts/boston-val-mae-smoothed.png")).doesNotExist(); // 1 epoch: nothing after the first 10
        // every model scored on the test set is kept, and the report links to it
        for (String id : java.util.List.of("imdb", "imdb-one-layer", "imdb-four-hidden", "imdb-wide", "imdb-mse",
                "imdb-tanh", "reuters", "reuters-int-labels", "boston")) {
            assertThat(out.resolve("models/" + id + ".keras")).as(id).isRegularFile();
            assertThat(run.experiments().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().model())
                    .isEqualTo("models/" + id + ".keras");
        }
        assertThat(out.resolve("models/reuters-wide.keras")).doesNotExist();
        assertThat(Files.readString(out.resolve("report.html"))).contains("<a href=\"models/imdb.keras\">");
        String[] again = capture(() -> Main.run("--report", out.resolve("results.json").toString(),
                out.resolve("results.json").toString(), "--out", out.resolve("both").toString()));
        assertThat(again[0]).isEqualTo("0");
        assertThat(Files.readString(out.resolve("both/report.html"))).contains("java - book");
    }

    @Test
    void bostonsFoldsSideBySideOnTwoThreadsGiveTheResultsOfOneThreadBitForBit() throws Exception {
        RunRecord[] runs = new RunRecord[2];
        String[] logs = new String[2];
        for (int t = 1; t <= 2; t++) {
            Path dir = out.resolve("threads-" + t);
            String threads = String.valueOf(t);
            String[] r = capture(() -> Main.run("boston", "--epochs", "12", "--repeats", "1", "--threads", threads,
                    "--data-dir", DATA, "--out", dir.toString()));
            assertThat(r[0]).as(r[2]).isEqualTo("0");
            runs[t - 1] = RunFiles.read(dir.resolve("results.json"));
            logs[t - 1] = r[1];
        }
        var one = runs[0].experiments().get(0);
        var two = runs[1].experiments().get(0);
        assertThat(two.metrics()).isEqualTo(one.metrics());
        assertThat(two.curves()).isEqualTo(one.curves());
        assertThat(two.notes()).isEqualTo(one.notes());
        // one thread: one training at a time, so no epoch line needs its training's label
        assertThat(logs[0]).contains("\nEpoch 12/12").doesNotContain(" epochs - Epoch");
        assertThat(logs[1]).contains("boston: fold 4, 12 epochs with validation (12 epochs here, 303 samples, batch 1)");
    }

    /** A real results.json of a short Boston run, as a JSON tree to edit. */
    private com.fasterxml.jackson.databind.node.ObjectNode shortBostonRun() throws Exception {
        String[] r = capture(() -> Main.run("boston", "--epochs", "2", "--folds", "1", "--repeats", "1",
                "--data-dir", DATA, "--out", out.resolve("run").toString()));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        return (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("run/results.json").toFile());
    }

    @Test
    void aResultsFileWithAMissingFieldIsNamedWithTheField() throws Exception {
        var tree = shortBostonRun();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("experiments").get(0)).remove("metrics");
        Path bad = out.resolve("edited.json");
        Files.writeString(bad, tree.toString());
        String[] r = capture(() -> Main.run("--report", bad.toString(), "--out", out.resolve("rep").toString()));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2].strip()).isEqualTo("error: " + bad + ": the field experiments[0].metrics is missing or "
                + "null; a results.json written by a run has it (was the file edited or cut short?)");
        // a curve value of the wrong type is named by its place too
        var again = shortBostonRun();
        ((com.fasterxml.jackson.databind.node.ObjectNode) again.get("experiments").get(0)).put("curves", "none");
        Files.writeString(bad, again.toString());
        String[] t = capture(() -> Main.run("--report", bad.toString(), "--out", out.resolve("rep").toString()));
        assertThat(t[0]).isEqualTo("1");
        assertThat(t[2]).startsWith("error: " + bad + ": experiments[0].curves: ").doesNotContain("Exception");
        String[] cut = capture(() -> {
            try {
                Files.writeString(bad, again.toString().substring(0, 200));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Main.run("--report", bad.toString(), "--out", out.resolve("rep").toString());
        });
        assertThat(cut[0]).isEqualTo("1");
        assertThat(cut[2]).startsWith("error: " + bad + ": ");
        assertThat(out.resolve("rep/report.html")).doesNotExist();
    }

    @Test
    void aCurveSpanningMoreThanAnAxisCanHoldIsNotDrawnAndTheReportSaysSo() throws Exception {
        var tree = shortBostonRun();
        var curve = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("experiments").get(0).get("curves")
                .get(0).get("values");
        String key = curve.fieldNames().next();
        curve.putArray(key).add(1e308).add(-1e308);
        Path big = out.resolve("big.json");
        Files.writeString(big, tree.toString());
        Path rep = out.resolve("rep");
        String[] r = capture(() -> Main.run("--report", big.toString(), "--out", rep.toString()));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("warning: figure boston-val-mae not drawn: its values run from -1.00e+308 to "
                + "1.00e+308");
        assertThat(rep.resolve("charts/boston-val-mae.png")).doesNotExist();
        try (var files = Files.list(rep.resolve("charts"))) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(Files.size(f)).as(f.toString())
                    .isGreaterThan(1000));
        }
        assertThat(Files.readString(rep.resolve("report.md"))).contains("*Figure not drawn, ")
                .doesNotContain("charts/boston-val-mae.png");
    }
}
