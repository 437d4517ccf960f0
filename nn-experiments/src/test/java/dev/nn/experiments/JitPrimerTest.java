package dev.nn.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.Backends;
import dev.nn.api.data.DenseMatrix;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.spi.Backend;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitPrimerTest {

    /** What the priming trains leaves nothing behind on the backend: a model trained after it has the same bits. */
    @Test
    void aModelTrainedAfterThePrimingHasTheSameBits() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        float[] xs = new float[64 * 13];
        float[] ys = new float[64];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) rng.nextDouble(-1, 1);
        }
        for (int i = 0; i < ys.length; i++) {
            ys[i] = (float) rng.nextDouble(0, 50);
        }
        DenseMatrix x = new DenseMatrix(xs, 64, 13);
        DenseMatrix y = new DenseMatrix(ys, 64, 1);
        float[][] weights = new float[2][];
        for (int run = 0; run < 2; run++) {
            try (Backend backend = Backends.create("java", 2)) {
                if (run == 1) {
                    assertThat(JitPrimer.prime(backend)).as("models primed").isEqualTo(12);
                }
                Sequential model = new Sequential(backend, 3, Dense.of(16, Activation.RELU), Dense.of(1));
                model.compile(RmsProp.defaults(), Losses.meanSquaredError(), Metric.meanAbsoluteError());
                model.fit(x, y, 3, 1);
                weights[run] = model.weights().stream().reduce(new float[0], JitPrimerTest::concat);
            }
        }
        assertThat(bits(weights[1])).as("weights after three epochs").isEqualTo(bits(weights[0]));
    }

    /** Several experiments on the java backend's lanes are primed; one experiment, or no lanes, is not. */
    @Test
    void onlyARunOfSeveralExperimentsOnJavaLanesIsPrimed() {
        try (Backend backend = Backends.create("java", 2)) {
            List<Backend> lanes = RunContext.lanesOf(backend);
            try {
                assertThat(Runner.primes(2, lanes)).isTrue();
                assertThat(Runner.primes(1, lanes)).isFalse();
                assertThat(Runner.primes(2, List.of())).isFalse();
            } finally {
                lanes.forEach(Backend::close);
            }
        }
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    private static float[] concat(float[] x, float[] y) {
        float[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
