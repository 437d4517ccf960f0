package dev.nn.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Parameter;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.optimizers.Sgd;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Optimizer steps against values computed with Keras's formulas ({@code optimizer-goldens.properties} says how). */
public interface OptimizerConformance extends BackendUnderTest {

    float[][] GRADIENTS = {{1, 6, 7, 2}, {-0.5f, 0.25f, 3, -2}, {0.1f, -0.2f, 0.3f, -0.4f}};

    @Test
    default void rmspropStepMatchesKeras() {
        assertSteps(new RmsProp(0.5f, 0.9f, 1e-7f), 1, "rmsprop.lr0.5.steps1");
        assertSteps(RmsProp.defaults(), 3, "rmsprop.lr0.001.steps3");
    }

    /**
     * The velocity between steps is Keras's {@code v} itself (it is saved as the optimizer's state), whatever
     * form a fused kernel keeps it in during a step, and epsilon is inside the square root. A large epsilon
     * (0.01) makes both visible: at the default 1e-7 either mistake is below float32 rounding of the weights.
     */
    @Test
    default void rmspropVelocityIsKerasVelocityAndEpsilonIsInsideTheRoot() {
        // rho 0 too: the velocity is then the last squared gradient, which a backend may have to take another way
        assertRmspropFollowsTheFormula(0.9f);
        assertRmspropFollowsTheFormula(0f);
    }

    private void assertRmspropFollowsTheFormula(float rho) {
        float epsilon = 0.01f;
        float lr = 0.01f;
        RmsProp optimizer = new RmsProp(lr, rho, epsilon);
        double[] v = new double[4];
        double[] w = {1, 2, 3, 4};
        try (Tensor tw = backend().upload(new float[] {1, 2, 3, 4}, 2, 2); Tensor g = backend().zeros(2, 2)) {
            Parameter p = new Parameter("w", tw, g);
            for (float[] gradient : GRADIENTS) {
                try (Tensor gs = backend().upload(gradient, 2, 2)) {
                    backend().copy(gs, g);
                }
                optimizer.apply(List.of(p));
                float[] expectedV = new float[4];
                float[] expectedW = new float[4];
                for (int i = 0; i < 4; i++) {
                    v[i] = rho * v[i] + (1 - rho) * (double) gradient[i] * gradient[i];
                    w[i] -= lr * gradient[i] / Math.sqrt(v[i] + epsilon);
                    expectedV[i] = (float) v[i];
                    expectedW[i] = (float) w[i];
                }
                Arrays2.assertClose("rmsprop velocity, rho " + rho, optimizer.slot("velocity", p).toHost(), expectedV,
                        Tolerances.ELEMENTWISE);
                Arrays2.assertClose("rmsprop weights, rho " + rho, tw.toHost(), expectedW, Tolerances.ELEMENTWISE);
            }
        }
    }

    @Test
    default void adamStepsMatchKeras() {
        assertSteps(Adam.defaults(), 3, "adam.lr0.001.steps3");
        assertSteps(new Adam(0.1f, 0.9f, 0.999f, 1e-7f), 3, "adam.lr0.1.steps3");
    }

    @Test
    default void sgdStepsMatchKeras() {
        assertSteps(Sgd.defaults(), 3, "sgd.lr0.01.steps3");
    }

    @Test
    default void optimizersRejectInvalidHyperParameters() {
        assertThatThrownBy(() -> new RmsProp(-1f, 0.9f, 1e-7f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learningRate=-1.0");
        assertThatThrownBy(() -> new RmsProp(0.001f, 1.5f, 1e-7f)).hasMessageContaining("rho=1.5");
        assertThatThrownBy(() -> new Adam(0.001f, 0.9f, 0.999f, 0f)).hasMessageContaining("epsilon=0.0");
    }

    private void assertSteps(Optimizer optimizer, int steps, String golden) {
        // a (2, 2) weight: the rules are element-wise, the layout must not matter
        try (Tensor w = backend().upload(new float[] {1, 2, 3, 4}, 2, 2); Tensor g = backend().zeros(2, 2)) {
            Parameter p = new Parameter("w", w, g);
            for (int s = 0; s < steps; s++) {
                try (Tensor gs = backend().upload(GRADIENTS[s], 2, 2)) {
                    backend().copy(gs, g);
                }
                optimizer.apply(List.of(p));
            }
            assertThat(optimizer.iterations()).isEqualTo(steps);
            Arrays2.assertClose(golden, w.toHost(), goldens(golden), Tolerances.ELEMENTWISE);
        }
    }

    private static float[] goldens(String key) {
        Properties props = new Properties();
        try (InputStream in = OptimizerConformance.class.getResourceAsStream("optimizer-goldens.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] parts = props.getProperty(key).trim().split("\\s+");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }
}
