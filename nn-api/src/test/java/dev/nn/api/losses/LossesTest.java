package dev.nn.api.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.IntLabels;
import dev.nn.api.metrics.Metric;
import org.junit.jupiter.api.Test;

/** Loss and metric values against numbers worked out by hand from the Keras formulas. */
class LossesTest {

    @Test
    void binaryCrossentropyClipsLikeKeras() {
        Loss bce = Losses.binaryCrossentropy();
        assertThat(bce.sum(new float[] {0.9f, 0.2f}, DenseMatrix.column(1, 0)))
                .isCloseTo(-Math.log(0.9) - Math.log(0.8), within(1e-6));
        // p = 0 for a positive is clipped to 1e-7: loss -log(1e-7) = 16.118
        assertThat(bce.sum(new float[] {0f}, DenseMatrix.column(1))).isCloseTo(16.1181, within(1e-3));
    }

    @Test
    void binaryCrossentropyRefusesTargetsOutsideZeroToOne() {
        Loss bce = Losses.binaryCrossentropy();
        assertThatThrownBy(() -> bce.sum(new float[] {0.5f, 0.5f}, DenseMatrix.column(1, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target 3.0 (row 1)")
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> bce.sum(new float[] {0.5f}, DenseMatrix.column(Float.NaN)))
                .hasMessageContaining("target NaN");
        assertThat(bce.sum(new float[] {0.5f}, DenseMatrix.column(0.25f))).isPositive(); // probabilities are fine
    }

    @Test
    void categoricalCrossentropiesAgreeOnOneHotAndIntegerLabels() {
        float[] p = {0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f};
        double expected = -Math.log(0.7) - Math.log(0.8);
        assertThat(Losses.categoricalCrossentropy().sum(p, new IntLabels(new int[] {0, 2}, 3).toOneHot()))
                .isCloseTo(expected, within(1e-6));
        assertThat(Losses.sparseCategoricalCrossentropy().sum(p, new IntLabels(new int[] {0, 2}, 3)))
                .isCloseTo(expected, within(1e-6));
        assertThatThrownBy(() -> Losses.sparseCategoricalCrossentropy().sum(p, new IntLabels(new int[] {0, 2}, 3)
                .toOneHot())).hasMessageContaining("expected IntLabels");
    }

    @Test
    void meanSquaredErrorAndMaeAverageOverOutputs() {
        DenseMatrix y = new DenseMatrix(new float[] {1, 2, 3, 4}, 2, 2);
        float[] p = {1, 4, 3, 1};
        assertThat(Losses.meanSquaredError().sum(p, y)).isCloseTo((4 / 2.0) + (9 / 2.0), within(1e-9));
        assertThat(Metric.meanAbsoluteError().sum(p, y)).isCloseTo(2 / 2.0 + 3 / 2.0, within(1e-9));
        assertThat(Losses.of("mse").name()).isEqualTo("mean_squared_error");
        assertThatThrownBy(() -> Losses.of("hinge")).hasMessageContaining("loss=hinge");
    }

    @Test
    void accuracyFollowsTheTargetsAsKerasDoes() {
        Metric acc = Metric.accuracy();
        assertThat(acc.sum(new float[] {0.6f, 0.4f, 0.5f}, DenseMatrix.column(1, 0, 1))).isEqualTo(2);
        float[] p = {0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f};
        assertThat(acc.sum(p, new IntLabels(new int[] {1, 1}, 3))).isEqualTo(1);
        assertThat(acc.sum(p, new IntLabels(new int[] {1, 0}, 3).toOneHot())).isEqualTo(2);
    }
}
