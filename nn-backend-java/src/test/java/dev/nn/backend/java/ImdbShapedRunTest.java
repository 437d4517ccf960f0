package dev.nn.backend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.Backends;
import dev.nn.api.UnknownBackendException;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.spi.Backend;
import dev.nn.api.training.History;
import dev.nn.api.training.ValidationData;
import dev.nn.testkit.SyntheticData;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImdbShapedRunTest {

    private static final SyntheticData.Text DATA = SyntheticData.binaryText(4000, 10_000, 130, 113);

    private static History run(Backend backend) {
        Sequential model = new Sequential(backend, 42, Dense.of(16, Activation.RELU), Dense.of(16, Activation.RELU),
                Dense.of(1, Activation.SIGMOID));
        model.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
        return model.fit(DATA.x().slice(1000, 4000), DATA.binaryTargets().slice(1000, 4000), 4, 512,
                ValidationData.of(DATA.x().slice(0, 1000), DATA.binaryTargets().slice(0, 1000)));
    }

    @Test
    void aSeededImdbShapedRunGivesIdenticalHistoryTwiceInARow() {
        try (Backend backend = new JavaBackend(2)) {
            History first = run(backend);
            History second = run(backend);
            assertThat(second.history()).isEqualTo(first.history());
            assertThat(first.get("loss").get(3)).as("the run learns").isLessThan(first.get("loss").get(0));
        }
    }

    @Test
    void theThreadCountDoesNotChangeTheRun() {
        try (Backend one = new JavaBackend(1); Backend two = new JavaBackend(2)) {
            assertThat(run(two).history()).isEqualTo(run(one).history());
        }
    }

    @Test
    void kernelResultsDoNotDependOnTheThreadCount() {
        try (Backend one = new JavaBackend(1); Backend two = new JavaBackend(2)) {
            float[][] a = dev.nn.testkit.conformance.KernelConformance.largeProducts(one);
            float[][] b = dev.nn.testkit.conformance.KernelConformance.largeProducts(two);
            for (int i = 0; i < a.length; i++) {
                dev.nn.testkit.Bits.assertIdentical("product " + i + ", 2 threads vs 1", b[i], a[i]);
            }
        }
    }

    @Test
    void vectorAndScalarKernelsGiveTheSameRun() {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).as("surefire adds the Vector API module")
                .isPresent();
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorKernels.supported(), "this CPU has no 256- or 512-bit vectors");
        assertThat(MatMul.VECTORS_AVAILABLE).isTrue();
        try (Backend vector = new JavaBackend(2, true); Backend scalar = new JavaBackend(2, false)) {
            assertThat(vector.description()).contains("Vector API");
            assertThat(scalar.description()).contains("scalar");
            assertThat(run(scalar).history()).isEqualTo(run(vector).history());
        }
    }

    @Test
    void vectorAndScalarSparseKernelsGiveTheSameBitsAtEveryWidth() {
        org.junit.jupiter.api.Assumptions.assumeTrue(MatMul.VECTORS_AVAILABLE, "no 256- or 512-bit vectors here");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        // 303 rows: groups of four rows and three left over; some rows name no word or one, so that four rows'
        // lists of different lengths (the gathers run four rows at a time) end at different points
        int rows = 303;
        int[][] seqs = new int[rows][];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = rng.ints(i % 37 == 5 ? 0 : i % 29 == 3 ? 1 : 80, 0, 10_000).toArray();
        }
        dev.nn.api.data.MultiHotRows x = dev.nn.api.data.MultiHotRows.encode(seqs, 10_000);
        for (int n : new int[] {1, 3, 4, 8, 12, 16, 20, 24, 40, 46, 64, 80, 128}) {
            float[] w = new float[10_000 * n];
            float[] g = new float[rows * n];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) rng.nextDouble(-1, 1);
            }
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) rng.nextDouble(-1, 1);
            }
            float[][] results = new float[2][];
            int k = 0;
            for (boolean vectors : new boolean[] {true, false}) {
                try (Backend b = new JavaBackend(2, vectors); dev.nn.api.Tensor xs = b.upload(x);
                        dev.nn.api.Tensor wt = b.upload(w, 10_000, n); dev.nn.api.Tensor gt = b.upload(g, rows, n);
                        dev.nn.api.Tensor out = b.zeros(rows, n); dev.nn.api.Tensor grad = b.zeros(10_000, n)) {
                    b.matmul(xs, false, wt, false, out);
                    b.matmul(xs, true, gt, false, grad);
                    float[] o = out.toHost();
                    float[] gr = grad.toHost();
                    results[k] = java.util.Arrays.copyOf(o, o.length + gr.length);
                    System.arraycopy(gr, 0, results[k++], o.length, gr.length);
                }
            }
            dev.nn.testkit.Bits.assertIdentical("width " + n + ", vector vs scalar", results[0], results[1]);
        }
    }

    /**
     * The vector RMSprop skips the square root and the division where a whole vector's {@code lr g} is zero: the
     * same bits as the scalar step, which never skips, for +0 and -0 gradients and weights, gradients so small that
     * {@code lr g} underflows, and denominators {@code v + eps} that are zero (0 / 0: NaN), infinite or NaN.
     */
    @Test
    void vectorAndScalarRmsPropGiveTheSameBitsWhereGradientsAreZero() {
        org.junit.jupiter.api.Assumptions.assumeTrue(MatMul.VECTORS_AVAILABLE, "no 256- or 512-bit vectors here");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        int n = 64 * 37 + 5;
        float[] w = new float[n];
        float[] v = new float[n];
        float[][] grads = new float[6][n];
        float[] specialW = {0f, -0f, 1f, -1f, 1e-30f};
        float[] specialV = {0f, 0f, 1e-8f, Float.POSITIVE_INFINITY, Float.NaN, 3f};
        for (int i = 0; i < n; i++) {
            w[i] = i % 7 == 0 ? specialW[(i / 7) % specialW.length] : (float) rng.nextDouble(-1, 1);
            v[i] = i % 11 == 0 ? specialV[(i / 11) % specialV.length] : (float) rng.nextDouble(0, 0.01);
        }
        for (float[] g : grads) {
            for (int i = 0; i < n; i++) {
                int block = i / 16;
                g[i] = switch ((block + i / 50) % 5) {
                    case 0 -> 0f;
                    case 1 -> -0f;
                    case 2 -> i % 3 == 0 ? 0f : -0f;
                    case 3 -> i % 5 == 0 ? Float.MIN_VALUE : 0f;
                    default -> (float) rng.nextDouble(-1, 1);
                };
            }
        }
        float[][] results = new float[2][];
        int r = 0;
        for (boolean vectors : new boolean[] {true, false}) {
            for (float eps : new float[] {1e-7f, 0f}) {
                try (JavaBackend b = new JavaBackend(1, vectors); dev.nn.api.Tensor wt = b.upload(w, n, 1);
                        dev.nn.api.Tensor vt = b.upload(v, n, 1)) {
                    for (float[] g : grads) {
                        try (dev.nn.api.Tensor gt = b.upload(g, n, 1)) {
                            b.rmsProp(wt, gt, vt, 0.01f, 0.9f, eps);
                        }
                    }
                    float[] both = concat(wt.toHost(), vt.toHost());
                    results[r] = results[r] == null ? both : concat(results[r], both);
                }
            }
            r++;
        }
        dev.nn.testkit.Bits.assertIdentical("RMSprop with zero gradients, vector vs scalar", results[0], results[1]);
    }

    /**
     * At batch size 1 the input gradient under a ReLU gate is, where the gate passes, the whole product's value to
     * the bit, for no row passing, fewer than eight (a group padded with repeats), a multiple of eight, and others
     * (the last group overlapping the one before).
     */
    @Test
    void gatedInputGradientGivesTheWholeProductsBits() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(16);
        for (int k : new int[] {64, 13, 7, 1}) {
            for (int passing : new int[] {0, 1, 5, 8, 11, k}) {
                if (passing > k) {
                    continue;
                }
                int m = 64;
                float[] gz = random(rng, m);
                float[] w = random(rng, k * m);
                float[] gate = new float[k];
                java.util.Arrays.fill(gate, -1f);
                for (int p = 0; p < passing; p++) {
                    gate[(p * 7 + 3) % k] = 1f;
                }
                try (JavaBackend b = new JavaBackend(1); dev.nn.api.Tensor tg = b.upload(gz, 1, m);
                        dev.nn.api.Tensor tw = b.upload(w, k, m); dev.nn.api.Tensor tgate = b.upload(gate, 1, k);
                        dev.nn.api.Tensor whole = b.zeros(1, k); dev.nn.api.Tensor gated = b.zeros(1, k)) {
                    b.matmul(tg, false, tw, true, whole);
                    org.assertj.core.api.Assertions.assertThat(b.denseInputGradient(tg, tw, tgate, gated)).isTrue();
                    float[] expected = whole.toHost();
                    for (int i = 0; i < k; i++) {
                        expected[i] = gate[i] > 0f ? expected[i] : 0f;
                    }
                    dev.nn.testkit.Bits.assertIdentical("k " + k + ", " + passing + " passing", gated.toHost(),
                            expected);
                }
            }
        }
    }

    /**
     * 300 rows: groups of four (pairs in panels four blocks wide, eight at widths 128 and 256) from packed panels;
     * 7: too few to pack, three rows left over; 1: Boston's batches; 301 rows of 1,100 terms: each thread's last row
     * alone in a wide panel, and sums taken in three ranges of terms ({@link VectorRowKernels#K_BLOCK}), each
     * continuing the last.
     */
    @ParameterizedTest(name = "{0} rows, {1} terms")
    @CsvSource({"300, 37", "7, 37", "1, 37", "301, 1100"})
    void vectorAndScalarDenseKernelsGiveTheSameBitsAtEveryWidth(int rows, int k) {
        org.junit.jupiter.api.Assumptions.assumeTrue(MatMul.VECTORS_AVAILABLE, "no 256- or 512-bit vectors here");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(10);
        for (int n : new int[] {1, 3, 4, 8, 12, 16, 20, 24, 40, 46, 54, 64, 80, 100, 118, 128, 130, 256, 270, 310}) {
            float[] a = random(rng, rows * k);
            float[] w = random(rng, k * n);
            float[] g = random(rng, rows * n);
            float[] gT = new float[n * rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < n; j++) {
                    gT[j * rows + i] = g[i * n + j];
                }
            }
            float[][] results = new float[2][];
            int r = 0;
            for (boolean vectors : new boolean[] {true, false}) {
                try (Backend b = new JavaBackend(2, vectors); dev.nn.api.Tensor at = b.upload(a, rows, k);
                        dev.nn.api.Tensor wt = b.upload(w, k, n); dev.nn.api.Tensor gt = b.upload(g, rows, n);
                        dev.nn.api.Tensor out = b.zeros(rows, n); dev.nn.api.Tensor kernelGrad = b.zeros(k, n);
                        dev.nn.api.Tensor inputGrad = b.zeros(rows, k); dev.nn.api.Tensor gtt = b.upload(gT, n, rows);
                        dev.nn.api.Tensor bothT = b.zeros(k, n)) {
                    b.matmul(at, false, wt, false, out);
                    b.matmul(at, true, gt, false, kernelGrad);
                    b.matmul(gt, false, wt, true, inputGrad);
                    b.matmul(at, true, gtt, true, bothT);
                    results[r++] = concat(out.toHost(), kernelGrad.toHost(), inputGrad.toHost(), bothT.toHost());
                }
            }
            dev.nn.testkit.Bits.assertIdentical("dense width " + n + ", " + rows + " rows, vector vs scalar", results[0], results[1]);
        }
    }

    private static float[] random(java.util.SplittableRandom rng, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) rng.nextDouble(-1, 1);
        }
        return v;
    }

    private static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] p : parts) {
            length += p.length;
        }
        float[] all = new float[length];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @Test
    void serviceLoaderFindsTheJavaBackendByName() {
        assertThat(Backends.available()).contains("java");
        try (Backend b = Backends.create("java")) {
            assertThat(b).isInstanceOf(JavaBackend.class);
            assertThat(b.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
        try (Backend b = Backends.create("java", 1)) {
            assertThat(b.description()).startsWith("java (pure Java, 1 thread, ");
        }
        Assertions.assertThatThrownBy(() -> Backends.create("cuda", 2)).isInstanceOf(UnknownBackendException.class)
                .hasMessageContaining("'cuda'").hasMessageContaining("Available: java");
        Assertions.assertThatThrownBy(() -> Backends.create("java", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads=0");
    }

    @Test
    void listingAndFindingBackendsStartsNoThreadPool() {
        int made = JavaBackend.CREATED.get();
        java.util.Set<Thread> before = poolWorkers();
        for (int i = 0; i < 20; i++) {
            assertThat(Backends.available()).contains("java");
            assertThat(Backends.provider("java").name()).isEqualTo("java");
        }
        // pools of earlier tests may still be winding down; no new worker may have appeared
        assertThat(poolWorkers()).as("pool threads after listing backends").isSubsetOf(before);
        assertThat(JavaBackend.CREATED.get()).as("backends made by listing and finding providers").isEqualTo(made);
        try (Backend b = Backends.create("java", 2)) {
            assertThat(JavaBackend.CREATED.get()).as("create makes exactly one").isEqualTo(made + 1);
            b.matmul(b.zeros(64, 64), false, b.zeros(64, 64), false, b.zeros(64, 64));
        }
    }

    /** Live workers of backend pools (the JDK's common pool excluded). */
    private static java.util.Set<Thread> poolWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(Parallel.WORKER_NAME) && t.isAlive())
                .collect(java.util.stream.Collectors.toSet());
    }
}
