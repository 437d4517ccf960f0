package dev.nn.experiments.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nn.api.Backends;
import dev.nn.api.data.DenseMatrix;
import dev.nn.api.layers.Normalization;
import dev.nn.api.models.Sequential;
import dev.nn.api.spi.Backend;
import dev.nn.datasets.Preprocessing;
import dev.nn.experiments.RunContext;
import dev.nn.experiments.RunOptions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Boston model file takes raw features: its Normalization layer reproduces the book's standardisation. */
class BostonModelFileTest {

    @Test
    void theSavedBostonModelOnRawFeaturesPredictsWhatTheTrainedModelDoesOnStandardisedOnes() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] train = new double[40][13];
        double[][] test = new double[7][13];
        for (double[][] m : new double[][][] {train, test}) {
            for (double[] row : m) {
                for (int j = 0; j < 13; j++) {
                    row[j] = rng.nextDouble(0, 100) * (j + 1);
                }
            }
        }
        Preprocessing.Standardized x = Preprocessing.standardize(train, test);
        try (Backend b = Backends.create("java", 1)) {
            RunContext ctx = new RunContext(b, null, new RunOptions(1, 1, 0, 0), l -> null, null);
            Sequential trained = BostonRegression.model(ctx, 3);
            float[] y = new float[40];
            trained.fit(x.train(), DenseMatrix.column(y), 2, 16);
            Sequential file = BostonRegression.withStandardization(trained, x);
            assertThat(file.layers().get(0)).isInstanceOf(Normalization.class);
            float[] raw = new float[7 * 13];
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 13; j++) {
                    raw[i * 13 + j] = (float) test[i][j];
                }
            }
            float[] want = trained.predict(x.test()).data();
            float[] got = file.predict(new DenseMatrix(raw, 7, 13)).data();
            for (int i = 0; i < want.length; i++) {
                assertThat((double) got[i]).as("house " + i).isCloseTo(want[i], within(1e-4 * (1 + Math.abs(want[i]))));
            }
            assertThat(file.optimizer().iterations()).isEqualTo(trained.optimizer().iterations());
        }
    }
}
