package dev.nn.backend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import dev.nn.testkit.Bits;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The row-sparse kernel gradient of a multi-hot input and the RMSprop step that skips its zero rows
 * ({@link RowSparse}) against the same steps on the dense gradient of the same input: the same bits, for
 * weights, velocities and gradients, read in the middle of the run and at its end.
 */
class RowSparseTest {

    private static final int VOCABULARY = 300;
    /** Not a multiple of any vector width, so rows end in a tail. */
    private static final int UNITS = 37;
    /** At two threads, {@link MatMul#sparseT} sorts it in two blocks of rows. */
    private static final int BATCH = 40;

    /**
     * A batch in which the first 20 words are common, the rest rare and the last 10 never appear, so some rows
     * go untouched for many steps in a row.
     */
    private static MultiHotRows batch(Random rnd) {
        int[][] seqs = new int[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            int len = 1 + rnd.nextInt(6);
            seqs[i] = new int[len];
            for (int j = 0; j < len; j++) {
                seqs[i][j] = rnd.nextInt(4) > 0 ? rnd.nextInt(20) : 20 + rnd.nextInt(VOCABULARY - 30);
            }
        }
        return MultiHotRows.encode(seqs, VOCABULARY);
    }

    private static float[] values(Random rnd, int count) {
        float[] v = new float[count];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    /** The kernel gradient of a random batch, from its multi-hot rows (row-sparse) and from the same rows dense. */
    private static void kernelGradients(JavaBackend b, Random rnd, Tensor gSparse, Tensor gDense) {
        MultiHotRows x = batch(rnd);
        Tensor gradOut = b.upload(values(rnd, BATCH * UNITS), BATCH, UNITS);
        b.matmul(b.upload(x), true, gradOut, false, gSparse);
        b.matmul(b.upload(x.toDense(), BATCH, VOCABULARY), true, gradOut, false, gDense);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void rmspropOnTheRowSparseGradientIsTheDenseStepToTheBit(int threads) {
        Random rnd = new Random(7);
        try (JavaBackend b = new JavaBackend(threads)) {
            float[] w0 = values(rnd, VOCABULARY * UNITS);
            Tensor wSparse = b.upload(w0, VOCABULARY, UNITS);
            Tensor wDense = b.upload(w0, VOCABULARY, UNITS);
            Tensor vSparse = b.zeros(VOCABULARY, UNITS);
            Tensor vDense = b.zeros(VOCABULARY, UNITS);
            Tensor gSparse = b.zeros(VOCABULARY, UNITS);
            Tensor gDense = b.zeros(VOCABULARY, UNITS);
            for (int step = 0; step < 60; step++) {
                kernelGradients(b, rnd, gSparse, gDense);
                assertThat(((JavaTensor) gSparse).rowIds).as("the gradient is held row-sparse").isNotNull();
                b.rmsProp(wSparse, gSparse, vSparse, 0.01f, 0.9f, 1e-7f);
                b.rmsProp(wDense, gDense, vDense, 0.01f, 0.9f, 1e-7f);
                if (step == 25) {
                    // reading the velocity pays the decays it owes; the steps after go on from there
                    Bits.assertIdentical("velocity at step 25", b.download(vSparse), b.download(vDense));
                    Bits.assertIdentical("gradient at step 25", b.download(gSparse), b.download(gDense));
                }
            }
            assertThat(((JavaTensor) vSparse).lazySteps).as("decays are owed before the read").isPositive();
            Bits.assertIdentical("weights", b.download(wSparse), b.download(wDense));
            Bits.assertIdentical("velocities", b.download(vSparse), b.download(vDense));
            float[] w = b.download(wSparse);
            assertThat(w[(VOCABULARY - 1) * UNITS]).as("a row never named keeps its weight")
                    .isEqualTo(w0[(VOCABULARY - 1) * UNITS]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void otherKernelsSeeTheDenseValueOfARowSparseGradient(int threads) {
        Random rnd = new Random(11);
        try (JavaBackend b = new JavaBackend(threads)) {
            float[] w0 = values(rnd, VOCABULARY * UNITS);
            Tensor wSparse = b.upload(w0, VOCABULARY, UNITS);
            Tensor wDense = b.upload(w0, VOCABULARY, UNITS);
            Tensor[] slots = {b.zeros(VOCABULARY, UNITS), b.zeros(VOCABULARY, UNITS), b.zeros(VOCABULARY, UNITS),
                    b.zeros(VOCABULARY, UNITS)};
            Tensor gSparse = b.zeros(VOCABULARY, UNITS);
            Tensor gDense = b.zeros(VOCABULARY, UNITS);
            for (int step = 0; step < 5; step++) {
                kernelGradients(b, rnd, gSparse, gDense);
                // Adam moves every weight, so it reads the gradient whole
                b.adam(wSparse, gSparse, slots[0], slots[1], 0.001f, 0.9f, 0.999f, 1e-7f);
                b.adam(wDense, gDense, slots[2], slots[3], 0.001f, 0.9f, 0.999f, 1e-7f);
            }
            Bits.assertIdentical("weights after Adam", b.download(wSparse), b.download(wDense));
            Tensor sum = b.zeros(1, UNITS);
            b.sum(gSparse, 0, sum);
            Tensor sumDense = b.zeros(1, UNITS);
            b.sum(gDense, 0, sumDense);
            Bits.assertIdentical("column sums", b.download(sum), b.download(sumDense));
        }
    }

    /**
     * A batch of one's kernel gradient ({@link MatMul#outerRows}): rows whose input is ±0 are left out, and RMSprop
     * on it gives, step after step, the bits of the dense step written out here ({@code 0 + a b} for each element,
     * Keras's update in float). Half of each input is ±0, except at one step with none, whose gradient is written
     * whole over the last step's row-sparse one. A gradient with an infinite factor is written whole: its zero rows
     * are NaN, not +0.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aBatchOfOnesKernelGradientSkipsTheRowsOfZeroInputsToTheBit(int threads) {
        int m = 24;
        Random rnd = new Random(5);
        float lr = 0.001f;
        float rho = 0.9f;
        float eps = 1e-7f;
        try (JavaBackend b = new JavaBackend(threads)) {
            float[] w = values(rnd, m * UNITS);
            float[] v = new float[m * UNITS];
            Tensor wt = b.upload(w, m, UNITS);
            Tensor vt = b.zeros(m, UNITS);
            Tensor gt = b.zeros(m, UNITS);
            boolean skipped = false;
            for (int step = 0; step < 40; step++) {
                float[] a = values(rnd, m);
                for (int i = 0; i < m; i++) {
                    a[i] = rnd.nextBoolean() ? (rnd.nextBoolean() ? 0f : -0f) : a[i];
                }
                if (step == 25) {
                    // no zero input: the gradient, row-sparse the step before, is written whole over it
                    for (int i = 0; i < m; i++) {
                        a[i] = a[i] == 0f ? 0.5f : a[i];
                    }
                }
                float[] d = values(rnd, UNITS);
                d[3] = 0f;
                if (step == 17) {
                    float[] infinite = d.clone();
                    infinite[5] = Float.POSITIVE_INFINITY;
                    Tensor whole = b.zeros(m, UNITS);
                    b.matmul(b.upload(a, 1, m), true, b.upload(infinite, 1, UNITS), false, whole);
                    assertThat(((JavaTensor) whole).rowIds).as("an infinite factor's gradient is written whole").isNull();
                    assertThat(b.download(whole)[firstZero(a) * UNITS + 5]).as("0 x infinity").isNaN();
                }
                b.matmul(b.upload(a, 1, m), true, b.upload(d, 1, UNITS), false, gt);
                if (step == 25) {
                    assertThat(((JavaTensor) gt).rowIds).as("written whole after a row-sparse step").isNull();
                }
                skipped |= ((JavaTensor) gt).rowIds != null;
                float[] g = new float[m * UNITS];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < UNITS; j++) {
                        g[i * UNITS + j] = 0f + a[i] * d[j];
                    }
                }
                if (step == 30) {
                    Bits.assertIdentical("gradient at step 30", b.download(gt), g);
                }
                b.rmsProp(wt, gt, vt, lr, rho, eps);
                for (int k = 0; k < w.length; k++) {
                    v[k] = rho * v[k] + (1f - rho) * (g[k] * g[k]);
                    w[k] = w[k] - (lr * g[k]) / (float) Math.sqrt(v[k] + eps);
                }
            }
            assertThat(skipped).as("some gradients were held row-sparse").isTrue();
            assertThat(((JavaTensor) vt).lazySteps).as("decays are owed before the read").isPositive();
            Bits.assertIdentical("weights", b.download(wt), w);
            Bits.assertIdentical("velocities", b.download(vt), v);
        }
    }

    private static int firstZero(float[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0f) {
                return i;
            }
        }
        throw new AssertionError("no zero input");
    }
}
