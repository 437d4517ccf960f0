package dev.nn.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.experiments.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict} on a model the command line trained and saved, on Keras's own files, and on bad input. */
class PredictCommandTest {

    private static final Path DATA = Path.of(System.getProperty("nn.data.dir", "../../shared/data"));

    @TempDir
    static Path run;

    private static String[] capture(Supplier<Integer> run) {
        return Cli.capture(run);
    }

    @BeforeAll
    static void trainTheImdbModel() {
        // the book's 4-epoch final model (the validation run capped at 4 epochs too), one seed
        String[] r = capture(() -> Main.run("imdb", "--epochs", "4", "--repeats", "1", "--threads", "2",
                "--data-dir", DATA.toString(), "--out", run.toString()));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
    }

    @Test
    void theSavedImdbModelReadsReviewsTheWayAReaderWould() {
        String[] r = capture(() -> Main.run("predict", "--model", run.resolve("models/imdb.keras").toString(),
                "--data-dir", DATA.toString(), "--text", "a wonderful, moving film with brilliant acting",
                "--text", "a dull, boring waste of time"));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        List<String> lines = r[1].lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(Double.parseDouble(lines.get(0).split(" ")[0])).as(lines.get(0)).isGreaterThan(0.5);
        assertThat(lines.get(0)).contains("positive").endsWith("brilliant acting");
        assertThat(Double.parseDouble(lines.get(1).split(" ")[0])).as(lines.get(1)).isLessThan(0.5);
    }

    @Test
    void inputLinesGiveOneJsonArrayEachAndNothingElseOnStdout() throws Exception {
        Path in = run.resolve("rows.jsonl");
        Files.writeString(in, "[0.1, -0.2, 0.3, 0.0, 1.0, -1.0, 0.5, 0.2, -0.3, 0.9, 0.0, 0.4, -0.7]\n\n"
                + "[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n");
        String[] r = capture(() -> Main.run("predict", "--model", DATA.resolve("keras-models/boston.keras").toString(),
                "--input", in.toString()));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1].lines().toList()).hasSize(2).allMatch(l -> l.matches("\\[-?[0-9.E-]+\\]"));
        Path sparse = run.resolve("sparse.jsonl");
        Files.writeString(sparse, "{\"indices\": [1, 14, 22, 16, 43, 530]}\n");
        r = capture(() -> Main.run("predict", "--model", run.resolve("models/imdb.keras").toString(), "--input",
                sparse.toString()));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1].strip()).matches("\\[[0-9.E-]+\\]");
    }

    @Test
    void badInputNamesTheFileTheLineAndWhatIsValid() throws Exception {
        Path in = run.resolve("bad.jsonl");
        Files.writeString(in, "[1, 2, 3]\n");
        String[] r = capture(() -> Main.run("predict", "--model", DATA.resolve("keras-models/boston.keras").toString(),
                "--input", in.toString()));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("bad.jsonl line 1").contains("3 values, the model takes 13");
        assertThat(r[1]).isEmpty();
        r = capture(() -> Main.run("predict", "--model", run.resolve("models/missing.keras").toString(), "--text", "x"));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("missing.keras");
        r = capture(() -> Main.run("predict", "--model", DATA.resolve("keras-models/tanh-no-bias.keras").toString(),
                "--text", "hello"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--word-index");
        r = capture(() -> Main.run("predict", "--model", "x.keras"));
        assertThat(r[0]).isEqualTo("2");
        r = capture(() -> Main.run("predict", "--model", DATA.resolve("keras-models/unsupported-batchnorm.keras")
                .toString(), "--input", in.toString()));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("BatchNormalization");
    }
}
