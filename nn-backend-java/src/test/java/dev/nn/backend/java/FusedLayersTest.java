package dev.nn.backend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.UnaryOp;
import dev.nn.testkit.Bits;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The java backend's fused dense kernels give the bits of the separate kernels they replace: the product, the
 * bias add and the activation; the activation's gradient and the bias gradient's column sums. Shapes with blocks
 * packed or read in place, rows left over from groups of four, rows narrower than a vector and a last block that
 * overlaps the one before; dense and multi-hot inputs; vector and scalar kernels; one and two threads.
 */
class FusedLayersTest {

    private static final UnaryOp[] ACTIVATIONS = {null, UnaryOp.RELU, UnaryOp.SIGMOID, UnaryOp.TANH};

    @Test
    void theFusedForwardIsTheProductThenTheBiasThenTheActivation() {
        SplittableRandom rng = new SplittableRandom(21);
        int[][] shapes = {{1, 13, 64}, {1, 64, 1}, {7, 37, 46}, {300, 16, 100}, {512, 64, 46}, {64, 64, 130},
                {33, 20, 3}, {301, 16, 100}, {18, 40, 64}};
        for (boolean vectors : new boolean[] {true, false}) {
            for (int threads : new int[] {1, 2}) {
                try (JavaBackend b = new JavaBackend(threads, vectors)) {
                    for (int[] s : shapes) {
                        float[] x = values(rng, s[0] * s[1], 2);
                        // some zeros and values near them, for relu's -0 and +0
                        for (int i = 0; i < x.length; i += 7) {
                            x[i] = 0f;
                        }
                        try (Tensor xt = b.upload(x, s[0], s[1])) {
                            check(b, rng, xt, s[1], s[2], "dense " + s[0] + "x" + s[1] + "x" + s[2]);
                        }
                    }
                    int[][] seqs = new int[203][];
                    for (int i = 0; i < seqs.length; i++) {
                        seqs[i] = rng.ints(i % 31 == 3 ? 0 : 60, 0, 2000).toArray();
                    }
                    try (Tensor xs = b.upload(MultiHotRows.encode(seqs, 2000))) {
                        for (int n : new int[] {1, 16, 46, 64}) {
                            check(b, rng, xs, 2000, n, "multi-hot x" + n);
                        }
                    }
                }
            }
        }
    }

    private static void check(JavaBackend b, SplittableRandom rng, Tensor x, int k, int n, String what) {
        try (Tensor w = b.upload(values(rng, k * n, 0.5f), k, n); Tensor bias = b.upload(values(rng, n, 1), 1, n);
                Tensor fused = b.zeros(x.rows(), n); Tensor separate = b.zeros(x.rows(), n)) {
            for (UnaryOp act : ACTIVATIONS) {
                assertThat(b.denseForward(x, w, bias, act, fused)).isTrue();
                b.matmul(x, false, w, false, separate);
                b.binary(BinaryOp.ADD, separate, bias, separate);
                if (act != null) {
                    b.unary(act, separate, separate);
                }
                Bits.assertIdentical(what + ", " + act + ", " + b.description(), fused.toHost(), separate.toHost());
            }
        }
    }

    @Test
    void theFusedBackwardIsTheActivationGradientThenItsColumnSums() {
        SplittableRandom rng = new SplittableRandom(22);
        int[][] shapes = {{1, 64}, {1, 1}, {512, 46}, {300, 1024}, {7, 3}};
        for (boolean vectors : new boolean[] {true, false}) {
            for (int threads : new int[] {1, 2}) {
                try (JavaBackend b = new JavaBackend(threads, vectors)) {
                    for (int[] s : shapes) {
                        float[] y = values(rng, s[0] * s[1], 1);
                        for (int i = 0; i < y.length; i += 3) {
                            y[i] = i % 2 == 0 ? 0f : -0f;
                        }
                        for (UnaryOp act : new UnaryOp[] {UnaryOp.RELU, UnaryOp.SIGMOID, UnaryOp.TANH}) {
                            try (Tensor yt = b.upload(y, s[0], s[1]);
                                    Tensor g = b.upload(values(rng, s[0] * s[1], 1), s[0], s[1]);
                                    Tensor gz = b.zeros(s[0], s[1]); Tensor sums = b.zeros(1, s[1]);
                                    Tensor gz2 = b.zeros(s[0], s[1]); Tensor sums2 = b.zeros(1, s[1])) {
                                assertThat(b.denseActivationBackward(act, yt, g, gz, sums)).isTrue();
                                b.activationGradient(act, yt, g, gz2);
                                b.sum(gz2, 0, sums2);
                                String what = s[0] + "x" + s[1] + ", " + act + ", " + b.description();
                                Bits.assertIdentical("gradient " + what, gz.toHost(), gz2.toHost());
                                Bits.assertIdentical("bias gradient " + what, sums.toHost(), sums2.toHost());
                            }
                        }
                    }
                }
            }
        }
    }

    private static float[] values(SplittableRandom rng, int length, float scale) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) rng.nextDouble(-scale, scale);
        }
        return v;
    }
}
