package dev.nn.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.optimizers.Sgd;
import dev.nn.api.training.History;
import dev.nn.api.training.TrainingDivergedException;
import dev.nn.api.training.ValidationData;
import dev.nn.testkit.SyntheticData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training loop's Keras semantics and short seeded runs that must reach stated losses. */
public interface TrainingConformance extends BackendUnderTest {

    private Sequential binaryModel(long seed) {
        Sequential model = new Sequential(backend(), seed, Dense.of(16, Activation.RELU), Dense.of(16, Activation.RELU),
                Dense.of(1, Activation.SIGMOID));
        model.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
        return model;
    }

    @Test
    default void tinySeededBinaryRunReachesStatedLoss() {
        SyntheticData.Text data = SyntheticData.binaryText(1200, 1000, 40, 21);
        Sequential model = binaryModel(7);
        History h = model.fit(data.x().slice(0, 1000), data.binaryTargets().slice(0, 1000), 12, 64);
        assertThat(h.last("loss")).as("training loss after 12 epochs").isLessThan(0.15);
        Map<String, Double> test = model.evaluate(data.x().slice(1000, 1200), data.binaryTargets().slice(1000, 1200));
        assertThat(test.get("accuracy")).as("held-out accuracy").isGreaterThan(0.75);
    }

    @Test
    default void tinySeededSoftmaxRunReachesStatedLoss() {
        SyntheticData.Text data = SyntheticData.topicText(1500, 1000, 40, 10, 22);
        for (boolean sparseLabels : new boolean[] {false, true}) {
            Sequential model = new Sequential(backend(), 8, Dense.of(32, Activation.RELU), Dense.of(10, Activation.SOFTMAX));
            model.compile(RmsProp.defaults(), sparseLabels ? Losses.sparseCategoricalCrossentropy()
                    : Losses.categoricalCrossentropy(), Metric.accuracy());
            History h = sparseLabels ? model.fit(data.x(), data.labels(), 10, 64)
                    : model.fit(data.x(), data.labels().toOneHot(), 10, 64);
            assertThat(h.last("loss")).as("loss, sparse labels: " + sparseLabels).isLessThan(0.1);
            assertThat(h.last("accuracy")).isGreaterThan(0.97);
            DenseMatrix p = model.predict(data.x().slice(0, 5));
            for (int r = 0; r < 5; r++) {
                double sum = 0;
                for (float v : p.row(r)) {
                    sum += v;
                }
                assertThat(sum).as("softmax row sum").isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    default void regressionWithBatchSizeOneReachesStatedLoss() {
        SyntheticData.Regression data = SyntheticData.housing(120, 13, 23);
        Sequential model = new Sequential(backend(), 9, Dense.of(64, Activation.RELU), Dense.of(64, Activation.RELU),
                Dense.of(1));
        model.compile(RmsProp.defaults(), Losses.meanSquaredError(), Metric.meanAbsoluteError());
        History h = model.fit(data.x(), data.y(), 30, 1);
        assertThat(h.get("loss").get(0)).as("first epoch MSE").isGreaterThan(50);
        assertThat(h.last("mae")).as("MAE after 30 epochs").isLessThan(2.5);
    }

    @Test
    default void historyKeysFollowKeras() {
        SyntheticData.Text data = SyntheticData.binaryText(300, 500, 20, 24);
        History h = binaryModel(1).fit(data.x().slice(0, 200), data.binaryTargets().slice(0, 200), 3, 64,
                ValidationData.of(data.x().slice(200, 300), data.binaryTargets().slice(200, 300)));
        assertThat(h.keys()).containsExactly("loss", "accuracy", "val_loss", "val_accuracy");
        assertThat(h.get("loss")).hasSize(3);
        assertThat(h.epochs()).extracting(e -> e.epoch()).containsExactly(1, 2, 3);
    }

    @Test
    default void epochMeansAreWeightedByBatchSize() {
        // With a learning rate too small to move float32 weights, the epoch loss must equal the
        // per-sample mean over the data; 10 samples in batches of 3 (3, 3, 3, 1) make an unweighted
        // mean of batch means differ from it.
        SyntheticData.Regression data = SyntheticData.housing(10, 4, 25);
        Sequential model = new Sequential(backend(), 3, Dense.of(4, Activation.TANH), Dense.of(1));
        model.compile(new Sgd(1e-30f), Losses.meanSquaredError(), Metric.meanAbsoluteError());
        History h = model.fit(data.x(), data.y(), 1, 3);
        Map<String, Double> exact = model.evaluate(data.x(), data.y(), 10);
        assertThat(h.last("loss")).isCloseTo(exact.get("loss"), within(1e-4 * exact.get("loss")));
        assertThat(h.last("mae")).isCloseTo(exact.get("mae"), within(1e-4 * exact.get("mae")));
        double unweighted = 0;
        for (int from = 0; from < 10; from += 3) {
            unweighted += model.evaluate(data.x().slice(from, Math.min(10, from + 3)),
                    data.y().slice(from, Math.min(10, from + 3))).get("loss") / 4;
        }
        assertThat(Math.abs(unweighted - exact.get("loss"))).as("the data must tell the two means apart")
                .isGreaterThan(1e-3 * exact.get("loss"));
    }

    @Test
    default void validationMetricsEqualEvaluateAfterTheEpoch() {
        SyntheticData.Text data = SyntheticData.binaryText(300, 500, 20, 26);
        Sequential model = binaryModel(2);
        DenseMatrix y = data.binaryTargets();
        History h = model.fit(data.x().slice(0, 200), y.slice(0, 200), 2, 50,
                ValidationData.of(data.x().slice(200, 300), y.slice(200, 300)));
        Map<String, Double> val = model.evaluate(data.x().slice(200, 300), y.slice(200, 300), 50);
        assertThat(h.last("val_loss")).isCloseTo(val.get("loss"), within(1e-6));
        assertThat(h.last("val_accuracy")).isCloseTo(val.get("accuracy"), within(1e-9));
    }

    @Test
    default void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        SyntheticData.Text data = SyntheticData.binaryText(400, 800, 30, 27);
        List<History> runs = new java.util.ArrayList<>();
        List<List<float[]>> initial = new java.util.ArrayList<>();
        for (long seed : new long[] {5, 5, 6}) {
            Sequential model = binaryModel(seed).build(800);
            initial.add(model.weights());
            runs.add(model.fit(data.x(), data.binaryTargets(), 3, 64));
        }
        assertThat(initial.get(1)).usingRecursiveComparison().isEqualTo(initial.get(0));
        assertThat(runs.get(1).history()).isEqualTo(runs.get(0).history());
        assertThat(runs.get(2).history()).isNotEqualTo(runs.get(0).history());
    }

    @Test
    default void aNanLossStopsFitWithAClearMessage() {
        float[] x = {1, 2, Float.NaN, 4, 5, 6};
        Sequential model = new Sequential(backend(), 1, Dense.of(1));
        model.compile(RmsProp.defaults(), Losses.meanSquaredError());
        assertThatThrownBy(() -> model.fit(new DenseMatrix(x, 3, 2), DenseMatrix.column(1, 2, 3), 2, 3))
                .isInstanceOf(TrainingDivergedException.class).hasMessageContaining("NaN")
                .hasMessageContaining("epoch 1, batch 1");
    }

    @Test
    default void badInputNamesTheArgument() {
        assertThatThrownBy(() -> Dense.of(0, Activation.RELU)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("units=0");
        Sequential model = binaryModel(1);
        SyntheticData.Text data = SyntheticData.binaryText(10, 50, 5, 28);
        assertThatThrownBy(() -> model.fit(data.x(), data.binaryTargets(), 1, 0))
                .hasMessageContaining("batchSize=0");
        assertThatThrownBy(() -> model.fit(data.x(), data.binaryTargets().slice(0, 5), 1, 4))
                .hasMessageContaining("10 samples and 5 targets");
        model.fit(data.x(), data.binaryTargets(), 1, 4);
        assertThatThrownBy(() -> model.predict(SyntheticData.binaryText(3, 60, 5, 1).x()))
                .isInstanceOf(dev.nn.api.ShapeException.class).hasMessageContaining("width 50")
                .hasMessageContaining("received 60");
    }
}
