package dev.nn.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-pass RMSprop over a packed model gives what the per-parameter step gives, and the packed tensors
 * (views of flat arrays) still read, write and compute as their own arrays did.
 */
class ParameterPackTest {

    private static float[] values(int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (float) Math.sin(i + 1.0);
        }
        return v;
    }

    @Test
    void theOnePassStepEqualsThePerParameterStepAndTheViewsBehaveAsArrays() {
        try (Nd4jBackend b = new Nd4jBackend(2)) {
            int[][] shapes = {{13, 64}, {1, 64}, {64, 1}, {1, 1}};
            List<Tensor> w = new java.util.ArrayList<>();
            List<Tensor> g = new java.util.ArrayList<>();
            List<Tensor> v = new java.util.ArrayList<>();
            List<Tensor> w2 = new java.util.ArrayList<>();
            List<Tensor> g2 = new java.util.ArrayList<>();
            List<Tensor> v2 = new java.util.ArrayList<>();
            for (int[] s : shapes) {
                int n = s[0] * s[1];
                for (List<Tensor> l : List.of(w, w2)) {
                    l.add(b.upload(values(n, 0.5f), s[0], s[1]));
                }
                for (List<Tensor> l : List.of(g, g2)) {
                    l.add(b.upload(values(n, 0.01f), s[0], s[1]));
                }
                for (List<Tensor> l : List.of(v, v2)) {
                    l.add(b.zeros(s[0], s[1]));
                }
            }
            for (int step = 0; step < 3; step++) {
                assertThat(b.rmsProp(w, g, v, 0.001f, 0.9f, 1e-7f)).isTrue();
                for (int i = 0; i < shapes.length; i++) {
                    b.rmsProp(w2.get(i), g2.get(i), v2.get(i), 0.001f, 0.9f, 1e-7f);
                }
            }
            for (int i = 0; i < shapes.length; i++) {
                assertThat(((Nd4jTensor) w.get(i)).pack()).as("packed").isNotNull();
                assertThat(b.download(w.get(i))).as("weights " + i).containsExactly(b.download(w2.get(i)));
                assertThat(b.download(v.get(i))).as("velocity " + i).containsExactly(b.download(v2.get(i)));
            }
            // a packed kernel used as a matmul operand and output, and overwritten by an upload's copy
            try (Tensor x = b.upload(values(2 * 13, 1f), 2, 13); Tensor out = b.zeros(2, 64);
                    Tensor out2 = b.zeros(2, 64)) {
                b.matmul(x, false, w.get(0), false, out);
                b.matmul(x, false, w2.get(0), false, out2);
                assertThat(b.download(out)).containsExactly(b.download(out2));
                b.matmul(x, true, out, false, g.get(0)); // a gradient view as the output
                b.matmul(x, true, out2, false, g2.get(0));
                assertThat(b.download(g.get(0))).containsExactly(b.download(g2.get(0)));
                try (Tensor fresh = b.upload(values(13 * 64, -1f), 13, 64)) {
                    b.copy(fresh, w.get(0));
                    assertThat(b.download(w.get(0))).containsExactly(values(13 * 64, -1f));
                    assertThat(b.download(w.get(1))).as("its neighbour in the flat array is untouched")
                            .containsExactly(b.download(w2.get(1)));
                }
            }
            // the same lists are the same pack; other lists are refused rather than half-updated
            assertThat(b.rmsProp(w, g, v, 0.001f, 0.9f, 1e-7f)).isTrue();
            assertThat(b.rmsProp(w.subList(0, 2), g.subList(0, 2), v.subList(0, 2), 0.001f, 0.9f, 1e-7f)).isFalse();
            for (List<Tensor> l : List.of(w, g, v, w2, g2, v2)) {
                l.forEach(Tensor::close);
            }
        }
    }
}
