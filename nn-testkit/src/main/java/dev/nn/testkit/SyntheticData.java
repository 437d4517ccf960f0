package dev.nn.testkit;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.IntLabels;
import dev.nn.api.data.MultiHotRows;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded synthetic data with the shapes of Chapter 3 and a learnable signal: word ranks drawn with a
 * Zipf-like skew (low ranks are frequent, as in the real vocabularies), labels from a hidden rule.
 */
public final class SyntheticData {

    private SyntheticData() {
    }

    /** Multi-hot rows and their labels. */
    public record Text(MultiHotRows x, IntLabels labels) {

        /** Labels as an {@code (n, 1)} float column, for binary cross-entropy. */
        public DenseMatrix binaryTargets() {
            float[] y = new float[labels.rows()];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels.get(i);
            }
            return DenseMatrix.column(y);
        }
    }

    /** Dense features and a regression target. */
    public record Regression(DenseMatrix x, DenseMatrix y) {
    }

    /**
     * IMDB-shaped reviews: {@code rows} multi-hot rows of width {@code width} with about {@code meanOnes}
     * ones each; the label is the sign of a hidden per-word score summed over the row.
     */
    public static Text binaryText(int rows, int width, int meanOnes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] score = new float[width];
        for (int v = 0; v < width; v++) {
            score[v] = (float) gaussian(rng);
        }
        int[][] seqs = new int[rows][];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            seqs[i] = words(rng, width, meanOnes, null, 0);
            double s = 0;
            for (int v : seqs[i]) {
                s += score[v];
            }
            labels[i] = s > 0 ? 1 : 0;
        }
        return new Text(MultiHotRows.encode(seqs, width), new IntLabels(labels, 2));
    }

    /**
     * Reuters-shaped newswires: {@code classes} topics of skewed frequency, each row mixing words of its
     * topic's own vocabulary with common words.
     */
    public static Text topicText(int rows, int width, int meanOnes, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] topicWords = new int[classes][40];
        for (int[] t : topicWords) {
            for (int j = 0; j < t.length; j++) {
                t[j] = rng.nextInt(width);
            }
        }
        int[][] seqs = new int[rows][];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            // skewed class frequencies, like "earn" and "acq" dominating Reuters
            int c = (int) (classes * Math.pow(rng.nextDouble(), 2.5));
            labels[i] = c;
            seqs[i] = words(rng, width, meanOnes, topicWords[c], meanOnes / 5);
        }
        return new Text(MultiHotRows.encode(seqs, width), new IntLabels(labels, classes));
    }

    /** Boston-shaped regression: standardised features, prices around 22 with a non-linear rule and noise. */
    public static Regression housing(int rows, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] w = new float[features];
        for (int j = 0; j < features; j++) {
            w[j] = (float) gaussian(rng) * 3;
        }
        float[] x = new float[rows * features];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            double t = 22;
            for (int j = 0; j < features; j++) {
                float v = (float) gaussian(rng);
                x[i * features + j] = v;
                t += w[j] * v + (j % 3 == 0 ? 1.5 * v * v : 0);
            }
            y[i] = (float) Math.max(5, Math.min(50, t + gaussian(rng)));
        }
        return new Regression(new DenseMatrix(x, rows, features), DenseMatrix.column(y));
    }

    private static int[] words(SplittableRandom rng, int width, int meanOnes, int[] topic, int fromTopic) {
        int n = Math.max(1, meanOnes + rng.nextInt(-meanOnes / 4, meanOnes / 4 + 1));
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = topic != null && k < fromTopic ? topic[rng.nextInt(topic.length)]
                    : (int) (width * Math.pow(rng.nextDouble(), 2));
        }
        // the draws repeat some frequent words; top up so the unique count stays near meanOnes
        int[] unique = Arrays.stream(out).distinct().toArray();
        while (unique.length < n && unique.length < width) {
            int[] more = Arrays.copyOf(unique, n);
            int size = unique.length;
            for (int k = size; k < n; k++) {
                more[k] = rng.nextInt(width);
            }
            unique = Arrays.stream(more).distinct().toArray();
        }
        return unique;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller keeps the stream a pure function of the seed on every JVM
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
