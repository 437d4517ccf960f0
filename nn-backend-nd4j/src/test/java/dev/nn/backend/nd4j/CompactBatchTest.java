package dev.nn.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A multi-hot batch that uses few of the vocabulary's words is multiplied over those words only: the
 * forward product and the kernel gradient equal the full dense products, into plain arrays and into the
 * views of a packed model, and the gradient's rows of unused words are zero even where the output held
 * values before.
 */
class CompactBatchTest {

    private static final int VOCABULARY = 2_000;

    /** {@code rows} sorted sets of word indices drawn from the first {@code used} words. */
    private static MultiHotRows batch(int rows, int used, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] sequences = new int[rows][];
        for (int r = 0; r < rows; r++) {
            sequences[r] = rng.ints(1 + rng.nextInt(40), 0, used).toArray();
        }
        return MultiHotRows.encode(sequences, VOCABULARY);
    }

    private static float[] values(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextDouble(-1, 1);
        }
        return v;
    }

    /** {@code dense(x) x w} and {@code dense(x)^T x g} computed in double on the host. */
    private static float[][] reference(MultiHotRows x, float[] w, float[] g, int units) {
        float[] dense = x.toDense();
        int rows = x.rows();
        float[] forward = new float[rows * units];
        float[] gradient = new float[VOCABULARY * units];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < VOCABULARY; j++) {
                if (dense[r * VOCABULARY + j] != 0f) {
                    for (int u = 0; u < units; u++) {
                        forward[r * units + u] += w[j * units + u];
                        gradient[j * units + u] += g[r * units + u];
                    }
                }
            }
        }
        return new float[][] {forward, gradient};
    }

    @Test
    void aBatchOfFewWordsMultipliesOverThemAndMatchesTheDenseProducts() {
        int units = 48;
        MultiHotRows rows = batch(64, 600, 1);
        try (Scratch scratch = new Scratch()) {
            assertThat(CompactBatch.of(rows, scratch)).as("a batch of at most 600 of 2,000 words is compacted")
                    .isNotNull();
        }
        float[] w = values(VOCABULARY * units, 2);
        float[] g = values(64 * units, 3);
        float[][] expected = reference(rows, w, g, units);
        try (Nd4jBackend b = new Nd4jBackend(2); Tensor x = b.upload(rows); Tensor kernel = b.upload(w, VOCABULARY, units);
                Tensor grad = b.upload(g, 64, units); Tensor out = b.zeros(64, units);
                Tensor kernelGrad = b.upload(values(VOCABULARY * units, 4), VOCABULARY, units)) {
            b.matmul(x, false, kernel, false, out);
            b.matmul(x, true, grad, false, kernelGrad);
            assertThat(((Nd4jTensor) x).compact()).as("the product took the compact path").isNotNull();
            assertClose(b.download(out), expected[0], "forward");
            // kernelGrad held other values: the rows of unused words must come out zero
            assertClose(b.download(kernelGrad), expected[1], "kernel gradient");
        }
    }

    @Test
    void aPackedKernelIsGatheredAndItsGradientLandsInThePackedView() {
        int units = 32;
        MultiHotRows rows = batch(32, 300, 5);
        float[] w = values(VOCABULARY * units, 6);
        float[] g = values(32 * units, 7);
        float[][] expected = reference(rows, w, g, units);
        try (Nd4jBackend b = new Nd4jBackend(2); Tensor x = b.upload(rows); Tensor grad = b.upload(g, 32, units)) {
            // a bias before the kernel, so that the kernel's view starts inside the flat arrays
            List<Tensor> weights = List.of(b.zeros(1, 7), b.upload(w, VOCABULARY, units));
            List<Tensor> gradients = List.of(b.zeros(1, 7), b.zeros(VOCABULARY, units));
            List<Tensor> velocities = List.of(b.zeros(1, 7), b.zeros(VOCABULARY, units));
            assertThat(b.rmsProp(weights, gradients, velocities, 0f, 0.9f, 1e-7f)).as("packed").isTrue();
            b.fill(gradients.get(0), 5f);
            b.matmul(x, true, grad, false, gradients.get(1));
            assertClose(b.download(gradients.get(1)), expected[1], "kernel gradient in a packed view");
            try (Tensor out = b.zeros(32, units)) {
                b.matmul(x, false, weights.get(1), false, out);
                assertClose(b.download(out), expected[0], "forward through a packed kernel");
            }
            assertThat(b.download(gradients.get(0))).as("the bias before it is untouched").containsOnly(5f);
        }
    }

    @Test
    void aBatchThatUsesMostWordsIsNotCompacted() {
        try (Scratch scratch = new Scratch()) {
            assertThat(CompactBatch.of(batch(256, VOCABULARY, 8), scratch)).isNull();
        }
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as(what + " [" + i + "]").isCloseTo(expected[i], within(1e-4f));
        }
    }
}
