package dev.nn.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    @Test
    void kFoldFollowsTheBook() {
        List<Preprocessing.Fold> folds = Preprocessing.kFold(404, 4);
        assertThat(folds).hasSize(4);
        assertThat(folds.get(1).validationRows()).hasSize(101).startsWith(101).endsWith(201);
        assertThat(folds.get(1).trainRows()).hasSize(303).startsWith(0, 1).contains(100, 202, 403);
        assertThat(Preprocessing.kFold(10, 3).get(2).trainRows()).containsExactly(0, 1, 2, 3, 4, 5, 9);
    }

    @Test
    void standardizeUsesTrainStatisticsOnly() {
        var s = Preprocessing.standardize(new double[][] {{1}, {3}}, new double[][] {{5}});
        assertThat(s.mean()).containsExactly(2);
        assertThat(s.std()).containsExactly(1);
        assertThat(s.test().data()).containsExactly(3f);
    }
}
