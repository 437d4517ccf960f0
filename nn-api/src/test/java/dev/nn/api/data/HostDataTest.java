package dev.nn.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostDataTest {

    @Test
    void encodeCollapsesRepeatsAndSortsLikeVectorizeSequences() {
        MultiHotRows rows = MultiHotRows.encode(new int[][] {{5, 1, 5, 3}, {}, {9}}, 10);
        assertThat(rows.rows()).isEqualTo(3);
        assertThat(rows.row(0)).containsExactly(1, 3, 5);
        assertThat(rows.row(1)).isEmpty();
        assertThat(rows.nonZeros()).isEqualTo(4);
        float[] dense = rows.toDense();
        assertThat(dense).hasSize(30);
        assertThat(dense[1]).isEqualTo(1f);
        assertThat(dense[2]).isEqualTo(0f);
        assertThat(dense[29]).isEqualTo(1f);
    }

    @Test
    void gatherSliceAndConcatKeepRows() {
        MultiHotRows rows = MultiHotRows.encode(new int[][] {{0}, {1, 2}, {3, 4, 5}}, 6);
        MultiHotRows g = rows.gather(new int[] {2, 0, 1}, 0, 2);
        assertThat(g.row(0)).containsExactly(3, 4, 5);
        assertThat(g.row(1)).containsExactly(0);
        assertThat(rows.slice(1, 3).row(0)).containsExactly(1, 2);
        MultiHotRows c = rows.slice(0, 1).concat(rows.slice(2, 3));
        assertThat(c.rows()).isEqualTo(2);
        assertThat(c.row(1)).containsExactly(3, 4, 5);
        DenseMatrix m = DenseMatrix.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThat(m.gather(new int[] {2, 1}, 0, 2).data()).containsExactly(5, 6, 3, 4);
        assertThat(m.slice(1, 2).concat(m.slice(0, 1)).data()).containsExactly(3, 4, 1, 2);
    }

    @Test
    void invalidInputNamesTheProblem() {
        assertThatThrownBy(() -> MultiHotRows.encode(new int[][] {{10}}, 10))
                .hasMessageContaining("holds 10").hasMessageContaining("[0, 10)");
        assertThatThrownBy(() -> new MultiHotRows(new int[] {0, 2}, new int[] {3, 1}, 5))
                .hasMessageContaining("sorted unique");
        assertThatThrownBy(() -> new DenseMatrix(new float[5], 2, 3)).hasMessageContaining("length 5");
        assertThatThrownBy(() -> new IntLabels(new int[] {0, 46}, 46)).hasMessageContaining("index 1")
                .hasMessageContaining("Received: 46");
        assertThatThrownBy(() -> DenseMatrix.column(1, 2).slice(1, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("to=3");
    }

    @Test
    void toOneHotIsToCategorical() {
        assertThat(new IntLabels(new int[] {2, 0}, 3).toOneHot().data()).containsExactly(0, 0, 1, 1, 0, 0);
    }
}
