package dev.nn.datasets;

import dev.nn.api.data.DenseMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The chapter's preprocessing beyond multi-hot encoding ({@link Sequences#multiHot}) and one-hot labels
 * ({@code IntLabels.toOneHot()}): feature-wise standardisation and K-fold splits.
 */
public final class Preprocessing {

    private Preprocessing() {
    }

    /** Train and test features standardised with the train split's statistics only. */
    public record Standardized(DenseMatrix train, DenseMatrix test, double[] mean, double[] std) {
    }

    /**
     * As the book: {@code mean = train.mean(axis=0); std = train.std(axis=0)} (population std, numpy's
     * default), then {@code (x - mean) / std} for both splits, in float64, cast to float32 at the end.
     */
    public static Standardized standardize(double[][] train, double[][] test) {
        int cols = train[0].length;
        double[] mean = new double[cols];
        double[] std = new double[cols];
        for (double[] row : train) {
            for (int j = 0; j < cols; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < cols; j++) {
            mean[j] /= train.length;
        }
        for (double[] row : train) {
            for (int j = 0; j < cols; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < cols; j++) {
            std[j] = Math.sqrt(std[j] / train.length);
        }
        return new Standardized(scale(train, mean, std), scale(test, mean, std), mean, std);
    }

    private static DenseMatrix scale(double[][] x, double[] mean, double[] std) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (x[i][j] - mean[j]) / std[j];
            }
        }
        return toMatrix(out);
    }

    /** float64 rows to a float32 matrix. */
    public static DenseMatrix toMatrix(double[][] x) {
        int cols = x.length == 0 ? 0 : x[0].length;
        float[] data = new float[x.length * cols];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < cols; j++) {
                data[i * cols + j] = (float) x[i][j];
            }
        }
        return new DenseMatrix(data, x.length, cols);
    }

    /** One fold: the rows to train on and the rows to validate on, in order. */
    public record Fold(int index, int[] trainRows, int[] validationRows) {
    }

    /**
     * The book's K-fold validation (listing 3.28): {@code num_val_samples = n // k}; fold {@code i} validates on
     * rows {@code [i * num_val, (i + 1) * num_val)} and trains on the rest, in order; rows past
     * {@code k * num_val} always train.
     */
    public static List<Fold> kFold(int n, int k) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException(
                    "Received an invalid value for k, expected 2 <= k <= " + n + ". Received: k=" + k);
        }
        int numVal = n / k;
        List<Fold> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int[] val = new int[numVal];
            int[] train = new int[n - numVal];
            for (int r = 0, t = 0; r < n; r++) {
                if (r >= i * numVal && r < (i + 1) * numVal) {
                    val[r - i * numVal] = r;
                } else {
                    train[t++] = r;
                }
            }
            folds.add(new Fold(i, train, val));
        }
        return folds;
    }
}
