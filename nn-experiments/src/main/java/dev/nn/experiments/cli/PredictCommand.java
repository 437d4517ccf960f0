package dev.nn.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nn.api.Backends;
import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.Features;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.layers.Normalization;
import dev.nn.api.models.Sequential;
import dev.nn.api.spi.Backend;
import dev.nn.datasets.DataFiles;
import dev.nn.datasets.Reuters;
import dev.nn.datasets.WordIndex;
import dev.nn.keras.KerasModels;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code predict}: runs a saved {@code .keras} model (this project's or Keras's) on your own text or on rows of
 * numbers. Text is tokenised as Keras's {@code text_to_word_sequence} and encoded with the word index and
 * {@code load_data}'s offsets, then multi-hot over the model's input width.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predicts with a saved .keras model: the probability of a positive review, the top three "
                + "Reuters topics, or (with --input) the raw outputs as JSON lines.")
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A .keras file.")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    static final class Inputs {
        @Option(names = "--text", paramLabel = "TEXT", description = "A text to classify (repeatable).")
        List<String> texts;

        @Option(names = "--text-file", paramLabel = "FILE", description = "A file of texts, one per line.")
        Path textFile;

        @Option(names = "--input", paramLabel = "FILE", description = "One input per line: a JSON array of the "
                + "model's input values, or {\"indices\": [...]} for a multi-hot row. Prints one JSON array per line.")
        Path input;
    }

    @Option(names = "--word-index", paramLabel = "imdb|reuters", description = "The word index of --text; default: "
            + "imdb for one sigmoid output, reuters for 46 outputs.")
    String wordIndex;

    @Option(names = "--data-dir", description = "Directory of the Keras files (the word index); else NN_DATA_DIR, "
            + "~/.keras/datasets, download.")
    Path dataDir;

    @Option(names = "--backend", defaultValue = "java", description = "Compute backend. Default: ${DEFAULT-VALUE}.")
    String backend;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws IOException {
        try (Backend b = Backends.create(backend, 1)) {
            Sequential m = KerasModels.load(model, b);
            if (inputs.input != null) {
                DenseMatrix p = m.predict(rows(m.inputDim()));
                for (int r = 0; r < p.rows(); r++) {
                    StringBuilder line = new StringBuilder("[");
                    for (int j = 0; j < p.cols(); j++) {
                        line.append(j == 0 ? "" : ", ").append(p.get(r, j));
                    }
                    out.println(line.append(']'));
                }
                return 0;
            }
            List<String> texts = inputs.texts != null ? inputs.texts
                    : Files.readAllLines(inputs.textFile, StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.isBlank()).toList();
            if (m.layers().get(0) instanceof Normalization) {
                throw usage("the model " + model + " takes " + m.inputDim() + " numeric features, not text: pass "
                        + "--input FILE with one JSON array of " + m.inputDim() + " raw values per line");
            }
            String index = wordIndex != null ? wordIndex : m.outputDim() == 1 ? "imdb"
                    : m.outputDim() == Reuters.NUM_CLASSES ? "reuters" : null;
            if (index == null) {
                throw usage("cannot tell the word index of a model with " + m.outputDim() + " outputs: pass "
                        + "--word-index imdb or --word-index reuters");
            }
            DataFiles files = DataFiles.builder().dataDir(dataDir).listener(new DownloadProgress(System.err)).build();
            WordIndex words = switch (index) {
                case "imdb" -> WordIndex.imdb(files);
                case "reuters" -> WordIndex.reuters(files);
                default -> throw usage("invalid value for --word-index: " + index + "; valid: imdb, reuters");
            };
            int[][] seqs = texts.stream().map(t -> words.encode(t, m.inputDim())).toArray(int[][]::new);
            DenseMatrix p = m.predict(MultiHotRows.encode(seqs, m.inputDim()));
            for (int r = 0; r < p.rows(); r++) {
                out.println(describe(p.row(r), index) + "  " + texts.get(r));
            }
            return 0;
        }
    }

    private static String describe(float[] p, String index) {
        if (p.length == 1) {
            return String.format(Locale.ROOT, "%.4f %s", p[0], p[0] > 0.5 ? "positive" : "negative");
        }
        List<Integer> top = IntStream.range(0, p.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> p[j]).reversed()).limit(3).toList();
        StringBuilder s = new StringBuilder();
        for (int j : top) {
            String name = index.equals("reuters") && p.length == Reuters.NUM_CLASSES ? Reuters.LABELS.get(j)
                    : String.valueOf(j);
            s.append(String.format(Locale.ROOT, "%s%s %.4f", s.length() == 0 ? "" : ", ", name, p[j]));
        }
        return s.toString();
    }

    /** The rows of {@code --input}, each checked against the model's input width. */
    private Features rows(int width) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(inputs.input, StandardCharsets.UTF_8);
        List<float[]> dense = new ArrayList<>();
        List<int[]> sparse = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = inputs.input + " line " + (i + 1);
            JsonNode n;
            try {
                n = json.readTree(lines.get(i));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InputException(where + ": not JSON (" + e.getOriginalMessage() + ")");
            }
            if (n.isArray()) {
                dense.add(values(n, width, where));
            } else if (n.isObject() && n.path("indices").isArray()) {
                sparse.add(indices(n.get("indices"), width, where));
            } else {
                throw new InputException(where + ": expected a JSON array of " + width + " numbers or "
                        + "{\"indices\": [...]}");
            }
        }
        if (!dense.isEmpty() && !sparse.isEmpty()) {
            throw new InputException(inputs.input + ": mixes arrays and {\"indices\"} rows; use one form");
        }
        if (!sparse.isEmpty()) {
            return MultiHotRows.encode(sparse.toArray(int[][]::new), width);
        }
        float[] x = new float[dense.size() * width];
        for (int r = 0; r < dense.size(); r++) {
            System.arraycopy(dense.get(r), 0, x, r * width, width);
        }
        return new DenseMatrix(x, dense.size(), width);
    }

    private static float[] values(JsonNode n, int width, String where) {
        if (n.size() != width) {
            throw new InputException(where + ": " + n.size() + " values, the model takes " + width);
        }
        float[] v = new float[width];
        for (int j = 0; j < width; j++) {
            if (!n.get(j).isNumber()) {
                throw new InputException(where + ": value " + (j + 1) + " is not a number: " + n.get(j));
            }
            v[j] = (float) n.get(j).asDouble();
        }
        return v;
    }

    private static int[] indices(JsonNode n, int width, String where) {
        int[] v = new int[n.size()];
        for (int j = 0; j < v.length; j++) {
            if (!n.get(j).isIntegralNumber() || n.get(j).asLong() < 0 || n.get(j).asLong() >= width) {
                throw new InputException(where + ": index " + n.get(j) + " is not in [0, " + width + ")");
            }
            v[j] = n.get(j).asInt();
        }
        return v;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** A malformed line of an input file: a failure (exit 1) naming the file and line. */
    static final class InputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }
}
