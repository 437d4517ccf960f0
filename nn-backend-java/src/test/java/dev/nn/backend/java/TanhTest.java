package dev.nn.backend.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TanhTest {

    /**
     * Every float from 2^-13 to 17, both signs (a quarter of a billion values, around the range where
     * {@link ElementWise#tanh} computes it from {@code Math.exp}), and the special values: the same bits as
     * {@code (float) Math.tanh}.
     */
    @Test
    void theFastTanhIsMathTanhToTheBitOnEveryFloatOfItsRange() {
        int from = Float.floatToIntBits(0x1p-13f);
        int to = Float.floatToIntBits(17f);
        long differing = IntStream.range(from, to).parallel().filter(bits -> {
            float x = Float.intBitsToFloat(bits);
            return !same(x) || !same(-x);
        }).count();
        assertThat(differing).as("floats whose tanh differs from (float) Math.tanh").isZero();
        for (float x : new float[] {0f, -0f, Float.MIN_VALUE, 1e-30f, 0x1p-12f, 16f, 20f, 1e30f, Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}) {
            assertThat(same(x) && same(-x)).as("tanh(%s)", x).isTrue();
        }
    }

    private static boolean same(float x) {
        return Float.floatToRawIntBits(ElementWise.tanh(x)) == Float.floatToRawIntBits((float) Math.tanh(x));
    }
}
