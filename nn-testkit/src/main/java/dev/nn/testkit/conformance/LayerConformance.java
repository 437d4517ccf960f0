package dev.nn.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nn.api.Tensor;
import dev.nn.api.data.DenseMatrix;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.FeatureShape;
import dev.nn.api.layers.LayerContext;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.training.History;
import dev.nn.testkit.SyntheticData;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The layer contract on this backend: Dropout's Keras semantics, per-model names, config and weights in and out. */
public interface LayerConformance extends BackendUnderTest {

    @Test
    default void dropoutIsTheIdentityAtInference() {
        float[] x = Arrays2.uniform(new SplittableRandom(31), 6 * 7, -2, 2);
        Dropout d = Dropout.of(0.5);
        d.build(new LayerContext(backend(), new SplittableRandom(1)), FeatureShape.of(7));
        try (Tensor in = backend().upload(x, 6, 7); Tensor g = backend().upload(x, 6, 7)) {
            assertThat(d.forward(in, false).toHost()).containsExactly(x);
            assertThat(d.backward(g).toHost()).containsExactly(x);
        }
    }

    @Test
    default void dropoutDropsAtTheRateAndScalesTheRestWhileTraining() {
        int rows = 50;
        int cols = 200;
        float[] x = Arrays2.uniform(new SplittableRandom(32), rows * cols, 0.5f, 1.5f);
        float[] grad = Arrays2.uniform(new SplittableRandom(33), rows * cols, -1, 1);
        double rate = 0.3;
        float keep = (float) (1 - rate);
        Dropout d = Dropout.of(rate);
        d.build(new LayerContext(backend(), new SplittableRandom(2)), FeatureShape.of(cols));
        try (Tensor in = backend().upload(x, rows, cols); Tensor g = backend().upload(grad, rows, cols)) {
            float[] y = d.forward(in, true).toHost();
            float[] dx = d.backward(g).toHost();
            int dropped = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i] == 0) {
                    dropped++;
                    assertThat(dx[i]).as("gradient of a dropped input").isZero();
                } else {
                    assertThat((double) y[i]).as("kept input, scaled by 1 / (1 - rate)").isCloseTo(x[i] / keep,
                            within(Tolerances.ELEMENTWISE * (1 + Math.abs(x[i] / keep))));
                    assertThat((double) dx[i]).as("gradient of a kept input").isCloseTo(grad[i] / keep,
                            within(Tolerances.ELEMENTWISE * (1 + Math.abs(grad[i] / keep))));
                }
            }
            // 10,000 Bernoulli(0.3) draws: the standard deviation of the count is about 46
            assertThat(dropped).as("dropped of 10,000 at rate 0.3").isBetween(3000 - 230, 3000 + 230);
        }
    }

    @Test
    default void dropoutMasksComeFromTheModelSeedSoRunsRepeat() {
        SyntheticData.Text data = SyntheticData.binaryText(300, 400, 20, 34);
        List<History> runs = new java.util.ArrayList<>();
        for (long seed : new long[] {3, 3, 4}) {
            Sequential model = new Sequential(backend(), seed, Dense.of(16, Activation.RELU), Dropout.of(0.5),
                    Dense.of(1, Activation.SIGMOID));
            model.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
            runs.add(model.fit(data.x(), data.binaryTargets(), 4, 32));
        }
        assertThat(runs.get(1).history()).isEqualTo(runs.get(0).history());
        assertThat(runs.get(2).history()).isNotEqualTo(runs.get(0).history());
        assertThat(runs.get(0).last("loss")).as("a model with dropout still learns").isLessThan(
                runs.get(0).get("loss").get(0));
    }

    @Test
    default void layersAreNamedPerModelAsKerasDoes() {
        for (int i = 0; i < 2; i++) {
            Sequential model = new Sequential(backend(), 1, Dense.of(4, Activation.RELU), Dropout.of(0.1),
                    Dense.of(4, Activation.RELU), Dense.of(1));
            assertThat(model.layers()).extracting(l -> l.name())
                    .containsExactly("dense", "dropout", "dense_1", "dense_2");
        }
        Sequential named = new Sequential(backend(), 1, Dense.of(4).named("dense_1"), Dense.of(1));
        assertThat(named.layers()).extracting(l -> l.name()).containsExactly("dense_1", "dense");
        assertThatThrownBy(() -> new Sequential(backend(), 1, Dense.of(4).named("a"), Dense.of(1).named("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }

    @Test
    default void layersExposeTheirKerasConfigAndShapes() {
        Sequential model = new Sequential(backend(), 1, Dense.withoutBias(8, Activation.TANH), Dropout.of(0.25),
                Dense.of(3, Activation.SOFTMAX)).build(20);
        assertThat(model.layers().get(0).config()).containsEntry("units", 8).containsEntry("activation", "tanh")
                .containsEntry("use_bias", false);
        assertThat(model.layers().get(1).config()).containsEntry("rate", 0.25);
        assertThat(model.layers().get(1).outputShape()).isEqualTo(FeatureShape.of(8));
        assertThat(model.outputDim()).isEqualTo(3);
        assertThat(model.layers().get(0).parameters()).hasSize(1);
        assertThat(model.parameters()).extracting(p -> p.name())
                .containsExactly("dense/kernel", "dense_1/kernel", "dense_1/bias");
    }

    @Test
    default void weightsGoOutAndBackIn() {
        DenseMatrix x = SyntheticData.housing(5, 6, 35).x();
        Sequential a = new Sequential(backend(), 1, Dense.of(4, Activation.RELU), Dense.of(2)).build(6);
        Sequential b = new Sequential(backend(), 2, Dense.of(4, Activation.RELU), Dense.of(2)).build(6);
        for (int i = 0; i < 2; i++) {
            b.layers().get(i).setWeights(a.layers().get(i).weights());
        }
        assertThat(b.predict(x).data()).containsExactly(a.predict(x).data());
        assertThatThrownBy(() -> b.layers().get(0).setWeights(List.of(new float[3], new float[4])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dense/kernel")
                .hasMessageContaining("received 3 values");
    }
}
