package dev.nn.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.nn.api.Tensor;
import dev.nn.api.spi.Backend;
import dev.nn.api.spi.BinaryOp;
import dev.nn.api.spi.UnaryOp;
import dev.nn.testkit.conformance.BackendConformance;
import dev.nn.testkit.conformance.ForwardingBackend;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The suite must be able to fail: run it on backends with one deliberately wrong kernel. */
class ConformanceCatchesBrokenKernelsTest {

    /** Sigmoid's derivative written as {@code y (1 + y)} instead of {@code y (1 - y)}. */
    static class WrongSigmoidDerivative extends ForwardingBackend {
        WrongSigmoidDerivative() {
            super(new JavaBackend(1));
        }

        @Override
        public void activationGradient(UnaryOp activation, Tensor y, Tensor gradY, Tensor out) {
            if (activation != UnaryOp.SIGMOID) {
                super.activationGradient(activation, y, gradY, out);
                return;
            }
            try (Tensor onePlusY = zeros(y.rows(), y.cols())) {
                affine(y, 1, 1, onePlusY);
                binary(BinaryOp.MUL, y, onePlusY, out);
                binary(BinaryOp.MUL, out, gradY, out);
            }
        }
    }

    /** Row-vector broadcasting that reads the wrong element (last column's bias for every column). */
    static class WrongBroadcast extends ForwardingBackend {
        WrongBroadcast() {
            super(new JavaBackend(1));
        }

        @Override
        public void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
            if (b.rows() == 1 && b.cols() > 1 && a.rows() > 1) {
                float[] v = download(b);
                java.util.Arrays.fill(v, v[v.length - 1]);
                try (Tensor wrong = upload(v, 1, v.length)) {
                    super.binary(op, a, wrong, out);
                }
                return;
            }
            super.binary(op, a, b, out);
        }
    }

    static class WrongSigmoidSuite implements BackendConformance {
        private static final Backend BACKEND = new WrongSigmoidDerivative();

        @Override
        public Backend backend() {
            return BACKEND;
        }
    }

    static class WrongBroadcastSuite implements BackendConformance {
        private static final Backend BACKEND = new WrongBroadcast();

        @Override
        public Backend backend() {
            return BACKEND;
        }
    }

    @Test
    void aWrongSigmoidDerivativeFailsTheKernelAndGradientChecks() {
        assertThat(failures(WrongSigmoidSuite.class)).contains("activationGradientsMatchReference()",
                "activationGradientsMatchFiniteDifferences()", "denseGradientsMatchFiniteDifferencesOnDenseInput()",
                "denseGradientsMatchFiniteDifferencesOnSparseInput()");
    }

    @Test
    void aWrongBroadcastFailsTheKernelChecks() {
        assertThat(failures(WrongBroadcastSuite.class)).contains("binaryOpsBroadcastRowsColumnsAndScalars()");
    }

    private static Set<String> failures(Class<?> suite) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsSucceededCount()).as("the rest of the suite still passes").isGreaterThan(10);
        return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName())
                .collect(Collectors.toSet());
    }
}
