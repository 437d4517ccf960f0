package dev.nn.testkit.conformance;

import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;

/** Random test arrays and the one closeness assertion the suite uses. */
final class Arrays2 {

    private Arrays2() {
    }

    static float[] uniform(SplittableRandom rng, int n, float lo, float hi) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return out;
    }

    /** Fails with the first offending index unless {@code |a - e| <= tol * (1 + |e|)} everywhere. */
    static void assertClose(String what, float[] actual, float[] expected, double tol) {
        if (actual.length != expected.length) {
            fail(what + ": expected " + expected.length + " values, received " + actual.length);
        }
        for (int i = 0; i < actual.length; i++) {
            double err = Math.abs((double) actual[i] - expected[i]);
            if (!(err <= tol * (1 + Math.abs(expected[i])))) {
                fail(what + ": at index " + i + " expected " + expected[i] + " but was " + actual[i] + " (tolerance "
                        + tol + " relative)");
            }
        }
    }
}
