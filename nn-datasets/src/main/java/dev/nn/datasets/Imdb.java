package dev.nn.datasets;

import dev.nn.datasets.io.Npz;
import dev.nn.datasets.io.NpyArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The IMDB reviews as Keras's {@code imdb.load_data} returns them (Keras 2.1 and later): one
 * {@code RandomState(seed)} shuffles the train split, its next draw the test split; then the start
 * char, the index offset, the {@code maxlen} filter per split and the vocabulary cut.
 *
 * <pre>{@code
 * TextSplit imdb = Imdb.load(DataFiles.defaults(), TextOptions.defaults().withNumWords(10_000));
 * }</pre>
 */
public final class Imdb {

    private Imdb() {
    }

    public static TextSplit load(DataFiles files, TextOptions options) throws IOException {
        return load(Npz.read(files.read(KerasFile.IMDB), KerasFile.IMDB.fileName()), KerasFile.IMDB.fileName(),
                options);
    }

    /** Loads from the {@code imdb.npz} at {@code path} (its hash is not checked here). */
    public static TextSplit load(Path path, TextOptions options) throws IOException {
        return load(Npz.read(path), path.getFileName().toString(), options);
    }

    private static TextSplit load(Map<String, NpyArray> f, String name, TextOptions options) throws IOException {
        int[][] xTrain = Npz.member(f, name, "x_train").sequences();
        long[] yTrain = Npz.member(f, name, "y_train").longs();
        int[][] xTest = Npz.member(f, name, "x_test").sequences();
        long[] yTest = Npz.member(f, name, "y_test").longs();
        NumpyRandomState rng = new NumpyRandomState(options.seed());
        Sequences train = KerasText.permute(name, "x_train/y_train", xTrain, yTrain, rng.permutation(xTrain.length));
        Sequences test = KerasText.permute(name, "x_test/y_test", xTest, yTest, rng.permutation(xTest.length));
        train = KerasText.offsetAndFilter(train, options);
        test = KerasText.offsetAndFilter(test, options);
        if (train.size() == 0 || test.size() == 0) {
            throw new IllegalArgumentException("After filtering for sequences shorter than maxlen=" + options.maxlen()
                    + ", no sequence was kept. Increase maxlen.");
        }
        int numWords = KerasText.numWords(options, train, test);
        return new TextSplit(KerasText.cut(train, options, numWords), KerasText.cut(test, options, numWords));
    }
}
