package dev.nn.experiments.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BookFormulasTest {

    @Test
    void smoothCurveDropsTheFirstPointsAndAveragesLikeTheBook() {
        // smooth_curve([5, 1, 2, 4], factor=0.9) after dropping 1: [1, 1.1, 1.39]
        List<Double> s = BostonRegression.smooth(new double[] {5, 1, 2, 4}, 1, 0.9);
        assertThat(s).hasSize(3);
        assertThat(s.get(0)).isEqualTo(1.0);
        assertThat(s.get(1)).isCloseTo(1.1, within(1e-12));
        assertThat(s.get(2)).isCloseTo(1.39, within(1e-12));
    }

    @Test
    void theRandomBaselineComparesLabelsWithAShuffledCopy() {
        int[] labels = new int[1000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
        }
        double b = ReutersClassification.randomBaseline(labels, 42);
        assertThat(b).isBetween(0.45, 0.55).isEqualTo(ReutersClassification.randomBaseline(labels, 42));
    }
}
