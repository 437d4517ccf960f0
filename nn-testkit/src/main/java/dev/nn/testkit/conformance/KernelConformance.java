package dev.nn.testkit.conformance;

import static dev.nn.testkit.conformance.Arrays2.assertClose;
import static dev.nn.testkit.conformance.Arrays2.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nn.api.ShapeException;
import dev.nn.api.Tensor;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.FusedLayers;
import dev.nn.api.spi.UnaryOp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every kernel against {@link Reference} on random shapes, broadcasting edge cases and bad shapes. */
public interface KernelConformance extends BackendUnderTest {

    @Test
    default void uploadAndDownloadRoundTripExactly() {
        float[] data = uniform(new SplittableRandom(1), 35, -3, 3);
        try (Tensor t = backend().upload(data, 5, 7)) {
            assertThat(t.shape().rows()).isEqualTo(5);
            assertThat(t.cols()).isEqualTo(7);
            assertThat(t.isSparse()).isFalse();
            assertThat(backend().download(t)).containsExactly(data);
        }
        try (Tensor z = backend().zeros(3, 4)) {
            assertThat(z.toHost()).containsOnly(0f).hasSize(12);
            backend().fill(z, 2.5f);
            assertThat(z.toHost()).containsOnly(2.5f);
        }
    }

    @Test
    default void copyCopiesExactlyAndChecksShapes() {
        float[] data = uniform(new SplittableRandom(7), 12, -3, 3);
        try (Tensor a = backend().upload(data, 3, 4); Tensor b = backend().zeros(3, 4);
                Tensor c = backend().zeros(4, 3)) {
            backend().copy(a, b);
            assertThat(b.toHost()).containsExactly(data);
            assertThatThrownBy(() -> backend().copy(a, c)).isInstanceOf(dev.nn.api.ShapeException.class)
                    .hasMessageContaining("copy");
        }
    }

    /**
     * Where the backend fuses a dense layer's product and bias ({@link FusedLayers}), the result is the product
     * plus the bias on every row; where it declines, it leaves the output alone. Shapes from batch size 1 to a
     * 512-row batch, and one deeper than a backend may want to fuse.
     */
    @Test
    default void fusedDenseForwardIsTheProductPlusTheBias() {
        if (!(backend() instanceof FusedLayers f)) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(12);
        int[][] shapes = {{1, 13, 64}, {1, 64, 64}, {1, 64, 1}, {512, 64, 46}, {7, 100, 5}};
        int fused = 0;
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] x = uniform(rng, m * k, -1, 1);
            float[] w = uniform(rng, k * n, -1, 1);
            float[] b = uniform(rng, n, -1, 1);
            float[] expected = Reference.binary(BinaryOp.ADD, Reference.matmul(x, m, k, false, w, k, n, false), m, n,
                    b, 1, n);
            try (Tensor tx = backend().upload(x, m, k); Tensor tw = backend().upload(w, k, n);
                    Tensor tb = backend().upload(b, 1, n); Tensor out = backend().zeros(m, n)) {
                backend().fill(out, 42f);
                if (f.denseForward(tx, tw, tb, out)) {
                    fused++;
                    assertClose("denseForward " + m + "x" + k + "x" + n, out.toHost(), expected,
                            Tolerances.ACCUMULATION);
                    // a second call on the same arrays (a prepared op) sees new values
                    try (Tensor tx2 = backend().upload(new float[m * k], m, k)) {
                        backend().copy(tx2, tx);
                    }
                    f.denseForward(tx, tw, tb, out);
                    assertClose("denseForward of zeros " + m + "x" + k + "x" + n, out.toHost(),
                            Reference.binary(BinaryOp.ADD, new float[m * n], m, n, b, 1, n), Tolerances.ELEMENTWISE);
                } else {
                    assertThat(out.toHost()).as("output of a declined denseForward").containsOnly(42f);
                }
                try (Tensor wrong = backend().zeros(m, n + 1)) {
                    assertThatThrownBy(() -> f.denseForward(tx, tw, tb, wrong)).isInstanceOf(ShapeException.class);
                }
            }
        }
        assertThat(fused).as("shapes a fusing backend fused").isPositive();
    }

    /**
     * Where the backend fuses a dense layer's whole forward pass ({@link FusedLayers}), the result is the
     * activation of the product plus the bias, for every element-wise activation and none, dense and multi-hot
     * inputs; where it declines, it leaves the output alone.
     */
    @Test
    default void fusedDenseForwardWithActivationIsTheActivationOfTheProductPlusTheBias() {
        if (!(backend() instanceof FusedLayers f)) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(13);
        int[][] seqs = new int[9][];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = rng.ints(i == 4 ? 0 : 12, 0, 40).toArray();
        }
        MultiHotRows multiHot = MultiHotRows.encode(seqs, 40);
        int[][] shapes = {{1, 13, 64}, {1, 64, 1}, {300, 16, 100}, {7, 37, 46}, {9, 40, 20}};
        UnaryOp[] activations = {null, UnaryOp.RELU, UnaryOp.SIGMOID, UnaryOp.TANH};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            boolean sparse = k == 40;
            float[] x = sparse ? multiHot.toDense() : uniform(rng, m * k, -1, 1);
            float[] w = uniform(rng, k * n, -1, 1);
            float[] b = uniform(rng, n, -1, 1);
            float[] z = Reference.binary(BinaryOp.ADD, Reference.matmul(x, m, k, false, w, k, n, false), m, n, b, 1, n);
            for (UnaryOp act : activations) {
                float[] expected = z.clone();
                if (act != null) {
                    for (int i = 0; i < expected.length; i++) {
                        expected[i] = Reference.unary(act, expected[i]);
                    }
                }
                try (Tensor tx = sparse ? backend().upload(multiHot) : backend().upload(x, m, k);
                        Tensor tw = backend().upload(w, k, n); Tensor tb = backend().upload(b, 1, n);
                        Tensor out = backend().zeros(m, n)) {
                    backend().fill(out, 42f);
                    String what = "denseForward " + act + " " + m + "x" + k + "x" + n + (sparse ? " multi-hot" : "");
                    if (f.denseForward(tx, tw, tb, act, out)) {
                        assertClose(what, out.toHost(), expected, Tolerances.ACCUMULATION);
                        // a backend that fuses these operands checks their shapes
                        try (Tensor wrong = backend().zeros(m, n + 1)) {
                            assertThatThrownBy(() -> f.denseForward(tx, tw, tb, act, wrong))
                                    .isInstanceOf(ShapeException.class);
                        }
                    } else {
                        assertThat(out.toHost()).as("output of a declined " + what).containsOnly(42f);
                    }
                }
            }
        }
    }

    /**
     * Where the backend computes a dense layer's input gradient under a ReLU gate ({@link FusedLayers}), it is the
     * product {@code gradZ · kernel^T} where the gate is positive and 0 elsewhere (a NaN gate included); where it
     * declines, it leaves the output alone.
     */
    @Test
    default void gatedDenseInputGradientIsTheProductWhereTheGateIsPositive() {
        if (!(backend() instanceof FusedLayers f)) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(15);
        int[][] shapes = {{1, 64, 64}, {1, 1, 64}, {1, 46, 13}, {1, 64, 5}, {3, 8, 5}};
        for (int[] s : shapes) {
            int n = s[0];
            int m = s[1];
            int k = s[2];
            float[] gz = uniform(rng, n * m, -1, 1);
            float[] w = uniform(rng, k * m, -1, 1);
            float[] gate = uniform(rng, n * k, -1, 1);
            gate[0] = 0f;
            gate[gate.length - 1] = Float.NaN;
            float[] full = Reference.matmul(gz, n, m, false, w, k, m, true);
            float[] expected = new float[n * k];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = gate[i] > 0f ? full[i] : 0f;
            }
            try (Tensor tg = backend().upload(gz, n, m); Tensor tw = backend().upload(w, k, m);
                    Tensor tgate = backend().upload(gate, n, k); Tensor dx = backend().zeros(n, k)) {
                backend().fill(dx, 42f);
                String what = "denseInputGradient " + n + "x" + m + "x" + k;
                if (f.denseInputGradient(tg, tw, tgate, dx)) {
                    assertClose(what, dx.toHost(), expected, Tolerances.ACCUMULATION);
                    float[] got = dx.toHost();
                    for (int i = 0; i < got.length; i++) {
                        if (!(gate[i] > 0f)) {
                            assertThat(got[i]).as(what + " where the gate is " + gate[i]).isEqualTo(0f);
                        }
                    }
                    try (Tensor wrong = backend().zeros(n, k + 1)) {
                        assertThatThrownBy(() -> f.denseInputGradient(tg, tw, tgate, wrong))
                                .isInstanceOf(ShapeException.class);
                    }
                } else {
                    assertThat(dx.toHost()).as("output of a declined " + what).containsOnly(42f);
                }
            }
        }
    }

    /**
     * Where the backend fuses a dense layer's activation gradient with its bias gradient ({@link FusedLayers}),
     * they are the activation's gradient and its sum over the rows; where it declines, it leaves both alone.
     */
    @Test
    default void fusedDenseActivationBackwardIsTheActivationGradientAndItsColumnSums() {
        if (!(backend() instanceof FusedLayers f)) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(14);
        int[][] shapes = {{1, 64}, {512, 46}, {7, 3}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            for (UnaryOp act : new UnaryOp[] {UnaryOp.RELU, UnaryOp.SIGMOID, UnaryOp.TANH}) {
                float[] y = uniform(rng, m * n, act == UnaryOp.RELU ? -1 : 0, 1);
                float[] g = uniform(rng, m * n, -1, 1);
                float[] expected = new float[m * n];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = Reference.activationGradient(act, y[i], g[i]);
                }
                float[] expectedSums = Reference.sum(expected, m, n, 0);
                try (Tensor ty = backend().upload(y, m, n); Tensor tg = backend().upload(g, m, n);
                        Tensor gz = backend().zeros(m, n); Tensor sums = backend().zeros(1, n)) {
                    backend().fill(gz, 42f);
                    backend().fill(sums, 42f);
                    String what = "denseActivationBackward " + act + " " + m + "x" + n;
                    if (f.denseActivationBackward(act, ty, tg, gz, sums)) {
                        assertClose(what, gz.toHost(), expected, Tolerances.ELEMENTWISE);
                        assertClose(what + " sums", sums.toHost(), expectedSums, Tolerances.ACCUMULATION);
                        try (Tensor wrong = backend().zeros(1, n + 1)) {
                            assertThatThrownBy(() -> f.denseActivationBackward(act, ty, tg, gz, wrong))
                                    .isInstanceOf(ShapeException.class);
                        }
                    } else {
                        assertThat(gz.toHost()).as("gradient of a declined " + what).containsOnly(42f);
                        assertThat(sums.toHost()).as("sums of a declined " + what).containsOnly(42f);
                    }
                }
            }
        }
    }

    @Test
    default void matmulMatchesReferenceForEveryTransposeCombination() {
        SplittableRandom rng = new SplittableRandom(2);
        int[][] shapes = {{1, 1, 1}, {1, 13, 64}, {3, 5, 7}, {17, 33, 9}, {64, 64, 64}, {130, 300, 46}, {2, 1, 5}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (int variant = 0; variant < 4; variant++) {
                boolean ta = (variant & 1) != 0;
                boolean tb = (variant & 2) != 0;
                float[] a = uniform(rng, m * k, -1, 1);
                float[] b = uniform(rng, k * n, -1, 1);
                int ar = ta ? k : m;
                int ac = ta ? m : k;
                int br = tb ? n : k;
                int bc = tb ? k : n;
                try (Tensor ta1 = backend().upload(a, ar, ac); Tensor tb1 = backend().upload(b, br, bc);
                        Tensor out = backend().zeros(m, n)) {
                    backend().fill(out, 42f); // the kernel must overwrite, not accumulate
                    backend().matmul(ta1, ta, tb1, tb, out);
                    assertClose("matmul " + m + "x" + k + "x" + n + " ta=" + ta + " tb=" + tb, out.toHost(),
                            Reference.matmul(a, ar, ac, ta, b, br, bc, tb), Tolerances.ACCUMULATION);
                }
            }
        }
    }

    @Test
    default void sparseMatmulIsTheDenseProductOfTheMultiHotMatrix() {
        SplittableRandom rng = new SplittableRandom(3);
        int[][] seqs = new int[37][];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = rng.ints(i % 5 == 0 ? 0 : rng.nextInt(1, 60), 0, 500).toArray(); // some empty rows
        }
        MultiHotRows x = MultiHotRows.encode(seqs, 500);
        float[] dense = x.toDense();
        for (int n : new int[] {1, 16, 46, 64}) {
            float[] w = uniform(rng, 500 * n, -1, 1);
            float[] g = uniform(rng, 37 * n, -1, 1);
            try (Tensor xs = backend().upload(x); Tensor wt = backend().upload(w, 500, n);
                    Tensor gt = backend().upload(g, 37, n); Tensor out = backend().zeros(37, n);
                    Tensor grad = backend().zeros(500, n)) {
                assertThat(xs.isSparse()).isTrue();
                assertThat(xs.shape().cols()).isEqualTo(500);
                backend().fill(out, 7f);
                backend().fill(grad, 7f);
                backend().matmul(xs, false, wt, false, out);
                assertClose("sparse forward n=" + n, out.toHost(),
                        Reference.matmul(dense, 37, 500, false, w, 500, n, false), Tolerances.ACCUMULATION);
                backend().matmul(xs, true, gt, false, grad);
                assertClose("sparse transposed n=" + n, grad.toHost(),
                        Reference.matmul(dense, 37, 500, true, g, 37, n, false), Tolerances.ACCUMULATION);
            }
        }
    }

    @Test
    default void unaryOpsMatchReference() {
        SplittableRandom rng = new SplittableRandom(4);
        for (UnaryOp op : UnaryOp.values()) {
            boolean positive = op == UnaryOp.LOG || op == UnaryOp.SQRT;
            float[] x = uniform(rng, 11 * 23, positive ? 0.01f : -20, 20);
            x[0] = positive ? 1 : 0;
            float[] expected = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                expected[i] = Reference.unary(op, x[i]);
            }
            try (Tensor t = backend().upload(x, 11, 23); Tensor out = backend().zeros(11, 23)) {
                backend().unary(op, t, out);
                assertClose(op.name(), out.toHost(), expected, Tolerances.TRANSCENDENTAL);
                backend().unary(op, t, t); // in place
                assertClose(op.name() + " in place", t.toHost(), expected, Tolerances.TRANSCENDENTAL);
            }
        }
    }

    @Test
    default void sigmoidSaturatesWithoutOverflow() {
        float[] x = {-1000f, -90f, 0f, 90f, 1000f};
        try (Tensor t = backend().upload(x, 1, 5); Tensor out = backend().zeros(1, 5)) {
            backend().unary(UnaryOp.SIGMOID, t, out);
            float[] y = out.toHost();
            assertThat(y).doesNotContain(Float.NaN);
            assertThat(new float[] {y[0], y[2], y[3], y[4]}).containsExactly(0f, 0.5f, 1f, 1f);
            assertClose("sigmoid(-90), a subnormal", new float[] {y[1]},
                    new float[] {Reference.unary(UnaryOp.SIGMOID, -90f)}, Tolerances.TRANSCENDENTAL);
        }
    }

    @Test
    default void binaryOpsBroadcastRowsColumnsAndScalars() {
        SplittableRandom rng = new SplittableRandom(5);
        int rows = 9;
        int cols = 14;
        int[][] bShapes = {{rows, cols}, {1, cols}, {rows, 1}, {1, 1}};
        for (BinaryOp op : BinaryOp.values()) {
            for (int[] bs : bShapes) {
                float[] a = uniform(rng, rows * cols, -5, 5);
                float[] b = uniform(rng, bs[0] * bs[1], 0.5f, 5); // away from 0 for DIV
                try (Tensor ta = backend().upload(a, rows, cols); Tensor tb = backend().upload(b, bs[0], bs[1]);
                        Tensor out = backend().zeros(rows, cols)) {
                    backend().binary(op, ta, tb, out);
                    float[] expected = Reference.binary(op, a, rows, cols, b, bs[0], bs[1]);
                    String what = op + " with b of shape (" + bs[0] + ", " + bs[1] + ")";
                    assertClose(what, out.toHost(), expected, Tolerances.ELEMENTWISE);
                    backend().binary(op, ta, tb, ta); // out aliasing a
                    assertClose(what + " in place", ta.toHost(), expected, Tolerances.ELEMENTWISE);
                }
            }
        }
    }

    @Test
    default void binaryOpsRejectShapesThatDoNotBroadcast() {
        try (Tensor a = backend().zeros(4, 6); Tensor b = backend().zeros(4, 5); Tensor c = backend().zeros(2, 6);
                Tensor out = backend().zeros(4, 6); Tensor badOut = backend().zeros(6, 4)) {
            assertThatThrownBy(() -> backend().binary(BinaryOp.ADD, a, b, out))
                    .isInstanceOf(ShapeException.class).hasMessageContaining("add")
                    .hasMessageContaining("(4, 5)").hasMessageContaining("(4, 6)");
            assertThatThrownBy(() -> backend().binary(BinaryOp.MUL, a, c, out))
                    .isInstanceOf(ShapeException.class).hasMessageContaining("(2, 6)");
            assertThatThrownBy(() -> backend().binary(BinaryOp.ADD, a, a, badOut))
                    .isInstanceOf(ShapeException.class).hasMessageContaining("(6, 4)");
        }
    }

    @Test
    default void matmulRejectsMismatchedShapesNamingBoth() {
        try (Tensor a = backend().zeros(512, 10000); Tensor b = backend().zeros(16, 16);
                Tensor out = backend().zeros(512, 16)) {
            assertThatThrownBy(() -> backend().matmul(a, false, b, false, out))
                    .isInstanceOf(ShapeException.class).hasMessageContaining("matmul")
                    .hasMessageContaining("(512, 10000)").hasMessageContaining("(16, 16)");
        }
        try (Tensor a = backend().zeros(3, 4); Tensor b = backend().zeros(4, 5); Tensor out = backend().zeros(3, 4)) {
            assertThatThrownBy(() -> backend().matmul(a, false, b, false, out))
                    .isInstanceOf(ShapeException.class).hasMessageContaining("output").hasMessageContaining("(3, 5)");
        }
    }

    @Test
    default void affineSumAndSoftmaxMatchReference() {
        SplittableRandom rng = new SplittableRandom(6);
        int rows = 13;
        int cols = 46;
        float[] x = uniform(rng, rows * cols, -30, 30);
        try (Tensor t = backend().upload(x, rows, cols); Tensor out = backend().zeros(rows, cols);
                Tensor s0 = backend().zeros(1, cols); Tensor s1 = backend().zeros(rows, 1)) {
            backend().affine(t, -0.5f, 2f, out);
            float[] expected = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                expected[i] = -0.5f * x[i] + 2f;
            }
            assertClose("affine", out.toHost(), expected, Tolerances.ELEMENTWISE);
            backend().sum(t, 0, s0);
            assertClose("sum axis 0", s0.toHost(), Reference.sum(x, rows, cols, 0), Tolerances.ACCUMULATION);
            backend().sum(t, 1, s1);
            assertClose("sum axis 1", s1.toHost(), Reference.sum(x, rows, cols, 1), Tolerances.ACCUMULATION);
            // one row (a bias gradient at batch size 1) sums to itself, 1 x 1 included
            float[] row = java.util.Arrays.copyOf(x, cols);
            try (Tensor r = backend().upload(row, 1, cols); Tensor one = backend().upload(new float[] {x[0]}, 1, 1);
                    Tensor oneOut = backend().zeros(1, 1)) {
                backend().sum(r, 0, s0);
                assertThat(s0.toHost()).containsExactly(row);
                backend().sum(one, 0, oneOut);
                assertThat(oneOut.toHost()).containsExactly(x[0]);
                backend().sum(r, 1, oneOut);
                assertClose("sum of one row, axis 1", oneOut.toHost(), Reference.sum(row, 1, cols, 1),
                        Tolerances.ACCUMULATION);
            }
            backend().softmax(t, out);
            assertClose("softmax", out.toHost(), Reference.softmax(x, rows, cols), Tolerances.TRANSCENDENTAL);
            assertThatThrownBy(() -> backend().sum(t, 2, s0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("axis=2");
            // each axis's output has its own shape: the other one's is rejected, naming the shape expected
            assertThatThrownBy(() -> backend().sum(t, 0, s1)).isInstanceOf(ShapeException.class)
                    .hasMessageContaining("sum").hasMessageContaining("(1, " + cols + ")");
            assertThatThrownBy(() -> backend().sum(t, 1, s0)).isInstanceOf(ShapeException.class)
                    .hasMessageContaining("(" + rows + ", 1)");
        }
    }

    @Test
    default void softmaxIsStableForLargeLogits() {
        float[] x = {1000f, 1000f, -1000f, 89f, 88f, 0f};
        try (Tensor t = backend().upload(x, 2, 3); Tensor out = backend().zeros(2, 3)) {
            backend().softmax(t, out);
            assertClose("softmax of large logits", out.toHost(), Reference.softmax(x, 2, 3), Tolerances.TRANSCENDENTAL);
        }
    }

    @Test
    default void activationGradientsMatchReference() {
        SplittableRandom rng = new SplittableRandom(7);
        // 8 x 16 and 40 x 64: a backend may take small arrays another way
        int[][] shapes = {{8, 16}, {40, 64}};
        UnaryOp[] activations = {UnaryOp.RELU, UnaryOp.SIGMOID, UnaryOp.TANH};
        for (int c = 0; c < shapes.length * activations.length; c++) {
            UnaryOp op = activations[c % activations.length];
            int rows = shapes[c / activations.length][0];
            int cols = shapes[c / activations.length][1];
            float[] z = uniform(rng, rows * cols, -4, 4);
            float[] y = new float[z.length];
            float[] expected = new float[z.length];
            float[] g = uniform(rng, z.length, -1, 1);
            for (int i = 0; i < z.length; i++) {
                y[i] = Reference.unary(op, z[i]);
                expected[i] = Reference.activationGradient(op, y[i], g[i]);
            }
            try (Tensor ty = backend().upload(y, rows, cols); Tensor tg = backend().upload(g, rows, cols);
                    Tensor out = backend().zeros(rows, cols)) {
                backend().activationGradient(op, ty, tg, out);
                assertClose(op + " gradient " + rows + "x" + cols, out.toHost(), expected, Tolerances.ELEMENTWISE);
            }
        }
        try (Tensor t = backend().zeros(2, 2)) {
            assertThatThrownBy(() -> backend().activationGradient(UnaryOp.EXP, t, t, t))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activation=EXP");
        }
    }

    /**
     * A backend is deterministic for a given thread count (DESIGN: "deterministic results for a given
     * seed and thread count"): the same large sparse and dense products twice give the same bits. The
     * Java backend promises more, independence from the thread count, and tests that itself.
     */
    @Test
    default void resultsRepeatForAGivenThreadCount() {
        float[][] first = largeProducts(backend());
        float[][] second = largeProducts(backend());
        for (int i = 0; i < first.length; i++) {
            dev.nn.testkit.Bits.assertIdentical("product " + i + " repeated", second[i], first[i]);
        }
    }

    /** A 512 x 10,000 multi-hot batch times a 10,000 x 16 kernel, its transposed product, and a dense gemm. */
    static float[][] largeProducts(Backend b) {
        SplittableRandom rng = new SplittableRandom(8);
        int[][] seqs = new int[512][];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = rng.ints(130, 0, 10000).toArray();
        }
        MultiHotRows x = MultiHotRows.encode(seqs, 10000);
        float[] w = uniform(rng, 10000 * 16, -0.05f, 0.05f);
        float[] g = uniform(rng, 512 * 16, -1, 1);
        float[] d = uniform(rng, 512 * 300, -1, 1);
        float[] e = uniform(rng, 300 * 64, -1, 1);
        try (Tensor xs = b.upload(x); Tensor wt = b.upload(w, 10000, 16); Tensor gt = b.upload(g, 512, 16);
                Tensor out = b.zeros(512, 16); Tensor grad = b.zeros(10000, 16); Tensor dt = b.upload(d, 512, 300);
                Tensor et = b.upload(e, 300, 64); Tensor de = b.zeros(512, 64)) {
            b.matmul(xs, false, wt, false, out);
            b.matmul(xs, true, gt, false, grad);
            b.matmul(dt, false, et, false, de);
            return new float[][] {out.toHost(), grad.toHost(), de.toHost()};
        }
    }
}
