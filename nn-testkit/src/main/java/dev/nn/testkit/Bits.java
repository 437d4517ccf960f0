package dev.nn.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;

/** Bit-for-bit comparison of large float arrays, linear in their length, naming the first difference. */
public final class Bits {

    private Bits() {
    }

    public static void assertIdentical(String what, float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            fail(what + ": " + actual.length + " values, expected " + expected.length);
        }
        int i = Arrays.mismatch(actual, expected);
        if (i >= 0) {
            fail(what + ": first difference at index " + i + " of " + actual.length + ": " + actual[i] + " vs expected "
                    + expected[i]);
        }
    }
}
