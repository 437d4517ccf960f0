package dev.nn.datasets;

import dev.nn.datasets.io.Npz;
import dev.nn.datasets.io.NpyArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Reuters newswires as Keras's {@code reuters.load_data} returns them: one shuffle of all 11,228
 * wires, start char and offset, {@code maxlen} filter, vocabulary cut, then the split at
 * {@code (int) (n * (1 - testSplit))}: 8,982 train and 2,246 test by default.
 */
public final class Reuters {

    /** The 46 topic names, by label id. */
    public static final List<String> LABELS = List.of("cocoa", "grain", "veg-oil", "earn", "acq", "wheat", "copper",
            "housing", "money-supply", "coffee", "sugar", "trade", "reserves", "ship", "cotton", "carcass", "crude",
            "nat-gas", "cpi", "money-fx", "interest", "gnp", "meal-feed", "alum", "oilseed", "gold", "tin",
            "strategic-metal", "livestock", "retail", "ipi", "iron-steel", "rubber", "heat", "jobs", "lei", "bop", "zinc",
            "orange", "pet-chem", "dlr", "gas", "silver", "wpi", "hog", "lead");

    public static final int NUM_CLASSES = 46;

    private Reuters() {
    }

    public static TextSplit load(DataFiles files, TextOptions options) throws IOException {
        String name = KerasFile.REUTERS.fileName();
        return load(Npz.read(files.read(KerasFile.REUTERS), name), name, options);
    }

    /** Loads from the {@code reuters.npz} at {@code path} (its hash is not checked here). */
    public static TextSplit load(Path path, TextOptions options) throws IOException {
        return load(Npz.read(path), path.getFileName().toString(), options);
    }

    private static TextSplit load(Map<String, NpyArray> f, String name, TextOptions options) throws IOException {
        int[][] x = Npz.member(f, name, "x").sequences();
        long[] y = Npz.member(f, name, "y").longs();
        NumpyRandomState rng = new NumpyRandomState(options.seed());
        Sequences all = KerasText.offsetAndFilter(KerasText.permute(name,
                "x/y", x, y, rng.permutation(x.length)), options);
        all = KerasText.cut(all, options, KerasText.numWords(options, all));
        int idx = (int) (all.size() * (1 - options.testSplit()));
        return new TextSplit(slice(all, 0, idx), slice(all, idx, all.size()));
    }

    private static Sequences slice(Sequences s, int from, int to) {
        return new Sequences(java.util.Arrays.copyOfRange(s.sequences(), from, to),
                java.util.Arrays.copyOfRange(s.labels(), from, to));
    }
}
