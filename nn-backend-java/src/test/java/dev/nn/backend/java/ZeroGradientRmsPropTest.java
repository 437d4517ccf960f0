package dev.nn.backend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.Tensor;
import dev.nn.testkit.Bits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector RMSprop step takes {@code lr g} as the quotient where a whole vector of the gradient is zero and the
 * denominator positive ({@code VectorKernels.rmsProp}). Against the scalar kernels, which always divide: the same
 * bits for zeros of both signs, negative-zero weights, and the cases where the shortcut must not be taken (a zero
 * denominator gives 0 / 0 = NaN, an infinite one a zero, a NaN velocity NaN).
 */
class ZeroGradientRmsPropTest {

    private static final int N = 256;

    @ParameterizedTest
    @ValueSource(floats = {1e-7f, 0f})
    void zeroGradientVectorsGiveTheBitsOfTheFullFormula(float epsilon) {
        float[] w = new float[N];
        float[] g = new float[N];
        float[] v = new float[N];
        for (int i = 0; i < N; i++) {
            int block = i / 16;
            w[i] = i % 3 == 0 ? -0f : (i % 3 == 1 ? 0f : 0.25f * (i - 100));
            g[i] = block % 4 == 3 ? 0.01f * (i % 7 - 3) : (i % 2 == 0 ? -0f : 0f);
            v[i] = switch (block % 5) {
                case 0 -> 0f;
                case 1 -> 1e-30f;
                case 2 -> Float.POSITIVE_INFINITY;
                case 3 -> Float.NaN;
                default -> 2.5f;
            };
        }
        float[][] vector = step(new JavaBackend(1, true), w, g, v, epsilon);
        float[][] scalar = step(new JavaBackend(1, false), w, g, v, epsilon);
        Bits.assertIdentical("weights", vector[0], scalar[0]);
        Bits.assertIdentical("velocities", vector[1], scalar[1]);
        if (epsilon == 0f) {
            assertThat(scalar[0][0]).as("0 / sqrt(0 + 0) is NaN").isNaN();
        }
    }

    private static float[][] step(JavaBackend b, float[] w, float[] g, float[] v, float epsilon) {
        try (b) {
            Tensor wt = b.upload(w, N / 16, 16);
            Tensor vt = b.upload(v, N / 16, 16);
            b.rmsProp(wt, b.upload(g, N / 16, 16), vt, 0.001f, 0.9f, epsilon);
            return new float[][] {b.download(wt), b.download(vt)};
        }
    }
}
