package dev.nn.testkit.conformance;

import static org.assertj.core.api.Assertions.fail;

import dev.nn.api.Tensor;
import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.IntLabels;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.data.Targets;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.FeatureShape;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.LayerContext;
import dev.nn.api.layers.Parameter;
import dev.nn.api.losses.Loss;
import dev.nn.api.losses.Losses;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Central finite differences against every backward rule: activations, losses, Dense on dense and sparse input. */
public interface GradientConformance extends BackendUnderTest {

    @Test
    default void activationGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(11);
        for (Activation act : Activation.values()) {
            int rows = 4;
            int cols = 5;
            float[] z = Arrays2.uniform(rng, rows * cols, -2, 2);
            for (int i = 0; i < z.length; i++) {
                z[i] += z[i] >= 0 ? 0.1f : -0.1f; // keep relu away from its kink
            }
            float[] c = Arrays2.uniform(rng, z.length, -1, 1);
            Backend b = backend();
            float[] analytic;
            try (Tensor zt = b.upload(z, rows, cols); Tensor y = b.zeros(rows, cols); Tensor ct = b.upload(c, rows, cols);
                    Tensor dz = b.zeros(rows, cols); Tensor scratch = b.zeros(rows, cols)) {
                act.forward(b, zt, y);
                act.backward(b, y, ct, dz, scratch);
                analytic = dz.toHost();
            }
            float[] numeric = numeric(z, () -> {
                try (Tensor zt = b.upload(z, rows, cols); Tensor y = b.zeros(rows, cols)) {
                    act.forward(b, zt, y);
                    return dot(y.toHost(), c);
                }
            });
            assertGradient(act + " backward", analytic, numeric);
        }
    }

    @Test
    default void lossGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(12);
        int rows = 6;
        for (Loss loss : List.of(Losses.binaryCrossentropy(), Losses.categoricalCrossentropy(),
                Losses.sparseCategoricalCrossentropy(), Losses.meanSquaredError())) {
            int width = loss.name().contains("categorical") ? 4 : 2;
            Targets y = targets(loss, rng, rows, width);
            float[] pred = Arrays2.uniform(rng, rows * width, 0.05f, 0.95f);
            float[] analytic = new float[pred.length];
            loss.gradient(pred, y, analytic);
            float[] numeric = numeric(pred, () -> loss.sum(pred, y) / rows);
            assertGradient(loss.name(), analytic, numeric);
        }
    }

    @Test
    default void fusedLossGradientsMatchFiniteDifferencesThroughTheActivation() {
        SplittableRandom rng = new SplittableRandom(13);
        int rows = 5;
        for (Loss loss : List.of(Losses.binaryCrossentropy(), Losses.categoricalCrossentropy(),
                Losses.sparseCategoricalCrossentropy())) {
            Activation act = loss.fusesWith(Activation.SIGMOID) ? Activation.SIGMOID : Activation.SOFTMAX;
            int width = act == Activation.SIGMOID ? 1 : 7;
            Targets y = targets(loss, rng, rows, width);
            float[] z = Arrays2.uniform(rng, rows * width, -3, 3);
            Backend b = backend();
            float[] p = activate(b, act, z, rows, width);
            float[] analytic = new float[p.length];
            loss.preActivationGradient(p, y, analytic);
            float[] numeric = numeric(z, () -> loss.sum(activate(b, act, z, rows, width), y) / rows);
            assertGradient(loss.name() + " fused with " + act, analytic, numeric);
        }
    }

    @Test
    default void denseGradientsMatchFiniteDifferencesOnDenseInput() {
        SplittableRandom rng = new SplittableRandom(14);
        float[] x = Arrays2.uniform(rng, 6 * 9, -1, 1);
        checkDense(rng, new DenseMatrix(x, 6, 9), x);
    }

    @Test
    default void denseGradientsMatchFiniteDifferencesOnSparseInput() {
        SplittableRandom rng = new SplittableRandom(15);
        int[][] seqs = new int[6][];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = rng.ints(rng.nextInt(3, 25), 0, 200).toArray();
        }
        checkDense(rng, MultiHotRows.encode(seqs, 200), null);
    }

    /**
     * Dense(8, tanh) -> Dense(3, softmax) with categorical cross-entropy, both with the plain and the fused
     * backward, a Dense(1, sigmoid) head with MSE, and a first layer without bias: every parameter against finite differences, and
     * the input gradient when the input is dense.
     */
    private void checkDense(SplittableRandom rng, dev.nn.api.data.Features x, float[] denseX) {
        Backend b = backend();
        int rows = x.rows();
        for (int head = 0; head < 4; head++) {
            Loss loss = head == 2 ? Losses.meanSquaredError() : Losses.categoricalCrossentropy();
            Dense l1 = head == 3 ? Dense.withoutBias(8, Activation.TANH) : Dense.of(8, Activation.TANH);
            Dense l2 = head == 2 ? Dense.of(1, Activation.SIGMOID) : Dense.of(3, Activation.SOFTMAX);
            l1.named("dense");
            l2.named("dense_1");
            LayerContext init = new LayerContext(b, new SplittableRandom(head));
            l1.build(init, FeatureShape.of(x.cols()));
            l2.build(init, FeatureShape.of(8));
            Targets y = head == 2 ? new DenseMatrix(Arrays2.uniform(rng, rows, 0, 1), rows, 1)
                    : new IntLabels(rng.ints(rows, 0, 3).toArray(), 3).toOneHot();
            boolean fused = head == 1 || head == 3;
            l2.fuseActivationWithLoss(fused);
            float[] pred;
            float[] dxHost = null;
            try (Tensor in = upload(b, x)) {
                pred = l2.forward(l1.forward(in, true), true).toHost();
                float[] g = new float[pred.length];
                if (fused) {
                    loss.preActivationGradient(pred, y, g);
                } else {
                    loss.gradient(pred, y, g);
                }
                try (Tensor gt = b.upload(g, rows, y.width())) {
                    Tensor g1 = l2.backward(gt);
                    if (denseX != null) {
                        dxHost = l1.backward(g1).toHost();
                    } else {
                        l1.backwardParameters(g1);
                    }
                }
                DoubleSupplier lossOf = () -> {
                    try (Tensor in2 = upload(b, x)) {
                        return loss.sum(l2.forward(l1.forward(in2, false), false).toHost(), y) / rows;
                    }
                };
                for (Layer layer : List.of(l1, l2)) {
                    for (Parameter p : layer.parameters()) {
                        checkParameter(b, p, lossOf, "head " + head + " " + p.name());
                    }
                }
                if (denseX != null) {
                    float[] numeric = numeric(denseX, lossOf);
                    assertGradient("head " + head + " input gradient", dxHost, numeric);
                }
            }
        }
    }

    private static Tensor upload(Backend b, dev.nn.api.data.Features x) {
        return x instanceof MultiHotRows m ? b.upload(m) : b.upload(((DenseMatrix) x).data(), x.rows(), x.cols());
    }

    private static void checkParameter(Backend b, Parameter p, DoubleSupplier lossOf, String what) {
        float[] analytic = p.gradient().toHost();
        int rows = p.value().rows();
        int cols = p.value().cols();
        float h = Tolerances.FINITE_DIFFERENCE_STEP;
        float[] numeric = new float[analytic.length];
        try (Tensor orig = b.zeros(rows, cols)) {
            b.copy(p.value(), orig);
            for (int i = 0; i < numeric.length; i++) {
                float[] d = new float[analytic.length];
                d[i] = h;
                try (Tensor delta = b.upload(d, rows, cols)) {
                    b.binary(BinaryOp.ADD, orig, delta, p.value());
                    double plus = lossOf.getAsDouble();
                    b.binary(BinaryOp.SUB, orig, delta, p.value());
                    double minus = lossOf.getAsDouble();
                    numeric[i] = (float) ((plus - minus) / (2 * h));
                }
            }
            b.copy(orig, p.value());
        }
        assertGradient(what, analytic, numeric);
    }

    private static Targets targets(Loss loss, SplittableRandom rng, int rows, int width) {
        if (loss.name().startsWith("sparse")) {
            return new IntLabels(rng.ints(rows, 0, width).toArray(), width);
        }
        if (loss.name().startsWith("categorical")) {
            return new IntLabels(rng.ints(rows, 0, width).toArray(), width).toOneHot();
        }
        float[] y = new float[rows * width];
        for (int i = 0; i < y.length; i++) {
            y[i] = loss.name().startsWith("binary") ? rng.nextInt(2) : (float) rng.nextDouble();
        }
        return new DenseMatrix(y, rows, width);
    }

    private static float[] activate(Backend b, Activation act, float[] z, int rows, int cols) {
        try (Tensor zt = b.upload(z, rows, cols); Tensor y = b.zeros(rows, cols)) {
            act.forward(b, zt, y);
            return y.toHost();
        }
    }

    /** Central differences of {@code f} with respect to each element of {@code x} (perturbed in place, restored). */
    private static float[] numeric(float[] x, DoubleSupplier f) {
        float h = Tolerances.FINITE_DIFFERENCE_STEP;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float saved = x[i];
            x[i] = saved + h;
            double plus = f.getAsDouble();
            x[i] = saved - h;
            double minus = f.getAsDouble();
            x[i] = saved;
            out[i] = (float) ((plus - minus) / (2 * h));
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** Scale-relative: every element within {@link Tolerances#GRADIENT} of the largest numeric component. */
    private static void assertGradient(String what, float[] analytic, float[] numeric) {
        double scale = 1e-6;
        for (float v : numeric) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < numeric.length; i++) {
            if (!(Math.abs(analytic[i] - numeric[i]) <= Tolerances.GRADIENT * scale)) {
                fail(what + ": gradient element " + i + " is " + analytic[i] + " but finite differences give "
                        + numeric[i] + " (scale " + scale + ")");
            }
        }
    }
}
