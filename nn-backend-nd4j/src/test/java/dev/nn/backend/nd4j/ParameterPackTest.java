package dev.nn.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import java.util.List;
import java.util.SplittableRandom;
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

    /**
     * The first layer's kernel over a wide multi-hot input whose gradient took the full product is packed
     * column-major: its gradient is then written in place by the same OpenBLAS call as the row-major copy's, and the
     * weights it steps, the products through it and its downloads equal those of an unpacked twin.
     */
    @Test
    void aWideKernelWhoseGradientTookTheFullProductIsPackedColumnMajorAndBehavesTheSame() {
        int vocabulary = 2_000;
        int rows = 64;
        SplittableRandom rng = new SplittableRandom(11);
        int[][] sequences = new int[rows][];
        for (int r = 0; r < rows; r++) {
            sequences[r] = rng.ints(60, 0, vocabulary).toArray(); // most of the words: the full product
        }
        MultiHotRows batch = MultiHotRows.encode(sequences, vocabulary);
        try (Nd4jBackend b = new Nd4jBackend(2); Tensor x = b.upload(batch); Tensor grad = b.upload(values(rows * 32,
                0.1f), rows, 32); Tensor out = b.zeros(rows, 32); Tensor out2 = b.zeros(rows, 32)) {
            // a bias before the kernel, so that the kernel's view starts inside the flat arrays
            List<Tensor> w = List.of(b.upload(values(7, 0.3f), 1, 7),
                    b.upload(values(vocabulary * 32, 0.5f), vocabulary, 32));
            List<Tensor> g = List.of(b.upload(values(7, 0.01f), 1, 7), b.zeros(vocabulary, 32));
            List<Tensor> v = List.of(b.zeros(1, 7), b.zeros(vocabulary, 32));
            List<Tensor> w2 = List.of(b.upload(values(7, 0.3f), 1, 7), b.upload(values(vocabulary * 32, 0.5f),
                    vocabulary, 32));
            List<Tensor> g2 = List.of(b.upload(values(7, 0.01f), 1, 7), b.zeros(vocabulary, 32));
            List<Tensor> v2 = List.of(b.zeros(1, 7), b.zeros(vocabulary, 32));
            for (int step = 0; step < 3; step++) {
                b.matmul(x, true, grad, false, g.get(1));
                b.matmul(x, true, grad, false, g2.get(1));
                assertThat(b.download(g.get(1))).as("kernel gradient, step " + step)
                        .containsExactly(b.download(g2.get(1)));
                assertThat(b.rmsProp(w, g, v, 0.001f, 0.9f, 1e-7f)).isTrue();
                for (int i = 0; i < 2; i++) {
                    b.rmsProp(w2.get(i), g2.get(i), v2.get(i), 0.001f, 0.9f, 1e-7f);
                }
                assertThat(((Nd4jTensor) w.get(1)).array().ordering()).as("the packed kernel's order").isEqualTo('f');
                assertThat(((Nd4jTensor) g.get(1)).array().ordering()).as("its gradient's order").isEqualTo('f');
                assertThat(((Nd4jTensor) w.get(0)).array().ordering()).as("the bias's order").isEqualTo('c');
                for (int i = 0; i < 2; i++) {
                    assertThat(b.download(w.get(i))).as("weights " + i + ", step " + step)
                            .containsExactly(b.download(w2.get(i)));
                    assertThat(b.download(v.get(i))).as("velocity " + i + ", step " + step)
                            .containsExactly(b.download(v2.get(i)));
                }
            }
            b.matmul(x, false, w.get(1), false, out);
            b.matmul(x, false, w2.get(1), false, out2);
            assertClose(b.download(out), b.download(out2), "forward through the column-major kernel");
            // a batch of few words takes the compact products: the kernel's rows gathered from the column-major
            // view, the gradient (not row-writable) by the full product
            int[][] few = new int[8][];
            for (int r = 0; r < few.length; r++) {
                few[r] = rng.ints(5, 0, vocabulary).toArray();
            }
            try (Tensor small = b.upload(MultiHotRows.encode(few, vocabulary));
                    Tensor smallGrad = b.upload(values(8 * 32, 0.2f), 8, 32); Tensor o = b.zeros(8, 32);
                    Tensor o2 = b.zeros(8, 32)) {
                b.matmul(small, false, w.get(1), false, o);
                b.matmul(small, false, w2.get(1), false, o2);
                assertThat(((Nd4jTensor) small).compact()).as("the compact path").isNotNull();
                assertClose(b.download(o), b.download(o2), "a compact forward through the column-major kernel");
                b.matmul(small, true, smallGrad, false, g.get(1));
                b.matmul(small, true, smallGrad, false, g2.get(1));
                assertClose(b.download(g.get(1)), b.download(g2.get(1)), "a compact batch's gradient");
            }
            try (Tensor fresh = b.upload(values(vocabulary * 32, -1f), vocabulary, 32)) {
                b.copy(fresh, w.get(1));
                assertThat(b.download(w.get(1))).as("a copy into the column-major view")
                        .containsExactly(values(vocabulary * 32, -1f));
                assertThat(b.download(w.get(0))).as("its neighbour in the flat array is untouched")
                        .containsExactly(b.download(w2.get(0)));
            }
            for (List<Tensor> l : List.of(w, g, v, w2, g2, v2)) {
                l.forEach(Tensor::close);
            }
        }
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as(what + " [" + i + "]").isCloseTo(expected[i], within(1e-5f));
        }
    }
}
