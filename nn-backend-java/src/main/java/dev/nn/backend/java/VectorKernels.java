package dev.nn.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sixteen-column inner kernels on the (incubating) Vector API: one 512-bit register holds the
 * sixteen accumulators that {@link MatMul}'s scalar code keeps in sixteen float registers. Lane-wise
 * multiply then add, never a fused multiply-add, so every element is rounded exactly as in the scalar
 * code and both paths give the same bits.
 *
 * <p>Only loaded when {@link #AVAILABLE}: the JVM was started with {@code --add-modules jdk.incubator.vector}
 * and the CPU has 512-bit vectors.
 */
final class VectorKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;

    private VectorKernels() {
    }

    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.length() >= 16;
    }

    static void gatherSum16(int[] idx, int from, int to, float[] b, int n, int c, float[] out, int o) {
        FloatVector acc = FloatVector.zero(S);
        for (int p = from; p < to; p++) {
            acc = acc.add(FloatVector.fromArray(S, b, idx[p] * n + c));
        }
        acc.intoArray(out, o);
    }

    static void scatterAdd16(int[] idx, int from, int to, float[] g, int gi, float[] out, int n, int c) {
        FloatVector gv = FloatVector.fromArray(S, g, gi);
        for (int p = from; p < to; p++) {
            int r = idx[p] * n + c;
            FloatVector.fromArray(S, out, r).add(gv).intoArray(out, r);
        }
    }

    static void rowTimesMatrix16(float[] a, int aOff, int aStride, float[] b, int k, int n, int c, float[] out,
            int o) {
        FloatVector acc = FloatVector.zero(S);
        for (int t = 0; t < k; t++) {
            acc = acc.add(FloatVector.fromArray(S, b, t * n + c).mul(a[aOff + t * aStride]));
        }
        acc.intoArray(out, o);
    }
}
