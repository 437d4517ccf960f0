package dev.nn.datasets;

import dev.nn.api.data.DenseMatrix;
import dev.nn.datasets.io.Npz;
import dev.nn.datasets.io.NpyArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Boston Housing prices as Keras's {@code boston_housing.load_data(test_split=0.2, seed=113)}: one
 * shuffle of the 506 rows, then 404 train and 102 test. Not normalised (the book standardises with the
 * train split's statistics: {@link Preprocessing#standardize}).
 */
public final class BostonHousing {

    /** The 13 feature columns, StatLib order; the target is MEDV in thousands of dollars. */
    public static final List<String> FEATURES = List.of("CRIM", "ZN", "INDUS", "CHAS", "NOX", "RM", "AGE", "DIS",
            "RAD", "TAX", "PTRATIO", "B", "LSTAT");

    /** Features and targets in float64, as numpy holds them. */
    public record Split(double[][] x, double[] y) {

        /** The features as a float32 matrix, for a model. */
        public DenseMatrix features() {
            return Preprocessing.toMatrix(x);
        }

        /** The targets as an {@code (n, 1)} float32 column. */
        public DenseMatrix targets() {
            float[] t = new float[y.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = (float) y[i];
            }
            return DenseMatrix.column(t);
        }
    }

    /** Train and test splits. */
    public record Data(Split train, Split test) {
    }

    private BostonHousing() {
    }

    public static Data load(DataFiles files, double testSplit, long seed) throws IOException {
        checkSplit(testSplit);
        String name = KerasFile.BOSTON_HOUSING.fileName();
        return load(Npz.read(files.read(KerasFile.BOSTON_HOUSING), name), name, testSplit, seed);
    }

    /** Keras's defaults: {@code test_split=0.2, seed=113}. */
    public static Data load(DataFiles files) throws IOException {
        return load(files, 0.2, 113);
    }

    /** Loads from the {@code boston_housing.npz} at {@code path} (its hash is not checked here). */
    public static Data load(Path path, double testSplit, long seed) throws IOException {
        checkSplit(testSplit);
        return load(Npz.read(path), path.getFileName().toString(), testSplit, seed);
    }

    private static void checkSplit(double testSplit) {
        if (testSplit < 0 || testSplit >= 1) {
            throw new IllegalArgumentException(
                    "Received an invalid value for testSplit, expected a number in [0, 1). Received: testSplit=" + testSplit);
        }
    }

    private static Data load(Map<String, NpyArray> f, String name, double testSplit, long seed) throws IOException {
        checkSplit(testSplit);
        NpyArray xa = Npz.member(f, name, "x");
        double[] x = xa.doubles();
        double[] y = Npz.member(f, name, "y").doubles();
        int rows = y.length;
        int cols = xa.shape().length == 2 ? xa.shape()[1] : 0;
        if (xa.shape().length != 2 || xa.shape()[0] != rows || cols != FEATURES.size()) {
            throw new dev.nn.datasets.io.DatasetFormatException(name, "x.npy",
                    "expected shape (" + rows + ", " + FEATURES.size() + "), one row of the " + FEATURES.size()
                            + " features per target, found " + java.util.Arrays.toString(xa.shape()));
        }
        for (int i = 0; i < x.length + y.length; i++) {
            double v = i < x.length ? x[i] : y[i - x.length];
            if (!Double.isFinite(v)) {
                throw new dev.nn.datasets.io.DatasetFormatException(name,
                        i < x.length ? "x.npy" : "y.npy", "value " + (i < x.length ? i : i - x.length) + " is " + v
                                + "; expected finite numbers");
            }
        }
        int[] perm = new NumpyRandomState(seed).permutation(rows);
        double[][] xs = new double[rows][];
        double[] ys = new double[rows];
        for (int k = 0; k < rows; k++) {
            xs[k] = java.util.Arrays.copyOfRange(x, perm[k] * cols, (perm[k] + 1) * cols);
            ys[k] = y[perm[k]];
        }
        int idx = (int) (rows * (1 - testSplit));
        return new Data(new Split(java.util.Arrays.copyOfRange(xs, 0, idx), java.util.Arrays.copyOfRange(ys, 0, idx)),
                new Split(java.util.Arrays.copyOfRange(xs, idx, rows), java.util.Arrays.copyOfRange(ys, idx, rows)));
    }
}
