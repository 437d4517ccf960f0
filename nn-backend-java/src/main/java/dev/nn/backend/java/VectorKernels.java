package dev.nn.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner kernels on the (incubating) Vector API, over blocks of {@link #L} columns, the lanes of the
 * CPU's preferred vector (16 with AVX-512, 8 with AVX2): one register holds the accumulators that
 * {@link MatMul}'s scalar code keeps in as many float registers. Lane-wise multiply then add, never a fused
 * multiply-add, so every element is rounded exactly as in the scalar code and both paths give the same bits,
 * whatever the vector width.
 *
 * <p>Only loaded when {@link MatMul#VECTORS_AVAILABLE}: the JVM was started with {@code --add-modules jdk.incubator.vector}
 * and the CPU has vectors of at least 256 bits.
 */
final class VectorKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** Lanes per vector, the columns of one block: 16 with 512-bit vectors, 8 with AVX2's 256-bit ones. */
    static final int L = S.length();

    /**
     * The class of {@link #S}'s vectors ({@code Float512Vector} with AVX-512), to cast a vector to. Every vector
     * operation is compiled to one instruction only when C2 knows the exact class of the vector it is called on;
     * where it does not, the operation runs the Vector API's Java fallback, which boxes the vector and loops over
     * its lanes, ten times slower. C2 knows the class of a vector just loaded, or just computed, but not always of
     * one carried round a loop (an accumulator) or held across one: on some runs, depending on how the profile
     * stood when the kernel was compiled, a kernel's last two accumulators were stored through the fallback
     * ("missing constant: vclass" with {@code -XX:+PrintIntrinsics}), and a full chapter run took 81-113 s instead
     * of 30-50 s (five of 21 runs on 2026-12-03). {@code TYPE.cast(v)} makes the type known; where it was known
     * already the cast compiles to nothing. Six runs with the casts: no such failure, 45-51 s.
     *
     * <p>The cast is written out at every use, not wrapped in a helper: {@code Class.cast} is an intrinsic, which
     * C2 applies in any compilation, while a helper is inlined only while the compilation is under C2's node
     * budget. In two chapter runs of three (2026-12-07), {@code inPlaceProduct}'s compilation, with the four-row
     * kernels and {@code oneRow} inlined, reached that budget ({@code NodeCountInliningCutoff} in
     * {@code -XX:+PrintInlining}) before the four stores that end {@link #rowTimesMatrix4}; the helper was called
     * instead, each accumulator boxed and stored by the fallback, and Boston's steps allocated 1.1-1.3 GB.
     */
    @SuppressWarnings("unchecked")
    private static final Class<? extends FloatVector> TYPE = (Class<? extends FloatVector>) S.vectorType();

    private VectorKernels() {
    }

    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.length() >= 8;
    }

    static void gatherSum(int[] idx, int from, int to, float[] b, int n, int c, float[] out, int o) {
        FloatVector acc = FloatVector.zero(S);
        for (int p = from; p < to; p++) {
            acc = TYPE.cast(acc).add(FloatVector.fromArray(S, b, idx[p] * n + c));
        }
        TYPE.cast(acc).intoArray(out, o);
    }

    /**
     * Block {@code [c, c + L)} of four gathered rows {@code i .. i + 3} (row {@code j} over {@code idx[off[j] ..
     * off[j + 1])}, into {@code out[j * n + c ..]}): the rows' chains of adds side by side while all four have
     * indices left, then each row's rest alone.
     */
    static void gatherFourRows(int[] idx, int[] off, int i, float[] b, int n, int c, float[] out) {
        int p0 = off[i];
        int p1 = off[i + 1];
        int p2 = off[i + 2];
        int p3 = off[i + 3];
        int e3 = off[i + 4];
        int common = ScalarKernels.commonLength(off, i);
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        for (int t = 0; t < common; t++) {
            a0 = TYPE.cast(a0).add(FloatVector.fromArray(S, b, idx[p0 + t] * n + c));
            a1 = TYPE.cast(a1).add(FloatVector.fromArray(S, b, idx[p1 + t] * n + c));
            a2 = TYPE.cast(a2).add(FloatVector.fromArray(S, b, idx[p2 + t] * n + c));
            a3 = TYPE.cast(a3).add(FloatVector.fromArray(S, b, idx[p3 + t] * n + c));
        }
        for (int p = p0 + common; p < p1; p++) {
            a0 = TYPE.cast(a0).add(FloatVector.fromArray(S, b, idx[p] * n + c));
        }
        for (int p = p1 + common; p < p2; p++) {
            a1 = TYPE.cast(a1).add(FloatVector.fromArray(S, b, idx[p] * n + c));
        }
        for (int p = p2 + common; p < p3; p++) {
            a2 = TYPE.cast(a2).add(FloatVector.fromArray(S, b, idx[p] * n + c));
        }
        for (int p = p3 + common; p < e3; p++) {
            a3 = TYPE.cast(a3).add(FloatVector.fromArray(S, b, idx[p] * n + c));
        }
        TYPE.cast(a0).intoArray(out, i * n + c);
        TYPE.cast(a1).intoArray(out, (i + 1) * n + c);
        TYPE.cast(a2).intoArray(out, (i + 2) * n + c);
        TYPE.cast(a3).intoArray(out, (i + 3) * n + c);
    }

    /** {@code out[slot[idx[p]] * L .. +L) += g[go .. go+L)} for every {@code p} in {@code [from, to)}: rows one block wide. */
    static void scatterAddBlock(int[] idx, int from, int to, int[] slot, float[] g, int go, float[] out) {
        FloatVector gv = FloatVector.fromArray(S, g, go);
        for (int p = from; p < to; p++) {
            int d = slot[idx[p]] * L;
            FloatVector.fromArray(S, out, d).add(TYPE.cast(gv)).intoArray(out, d);
        }
    }

    /** {@code out[d .. d+L) += g[s .. s+L)}. */
    static void addBlock(float[] g, int s, float[] out, int d) {
        FloatVector.fromArray(S, out, d).add(FloatVector.fromArray(S, g, s)).intoArray(out, d);
    }

    /** Four blocks in one pass over the indices: {@code out[o .. o+4L)}. */
    static void gatherSum4(int[] idx, int from, int to, float[] b, int n, int c, float[] out, int o) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        for (int p = from; p < to; p++) {
            int r = idx[p] * n + c;
            a0 = TYPE.cast(a0).add(FloatVector.fromArray(S, b, r));
            a1 = TYPE.cast(a1).add(FloatVector.fromArray(S, b, r + L));
            a2 = TYPE.cast(a2).add(FloatVector.fromArray(S, b, r + 2 * L));
            a3 = TYPE.cast(a3).add(FloatVector.fromArray(S, b, r + 3 * L));
        }
        TYPE.cast(a0).intoArray(out, o);
        TYPE.cast(a1).intoArray(out, o + L);
        TYPE.cast(a2).intoArray(out, o + 2 * L);
        TYPE.cast(a3).intoArray(out, o + 3 * L);
    }

    static void rowTimesMatrix(float[] a, int aOff, int aStride, float[] b, int k, int n, int c, float[] out,
            int o) {
        FloatVector acc = FloatVector.zero(S);
        for (int t = 0; t < k; t++) {
            acc = TYPE.cast(acc).add(FloatVector.fromArray(S, b, t * n + c).mul(a[aOff + t * aStride]));
        }
        TYPE.cast(acc).intoArray(out, o);
    }

    /**
     * {@link #rowTimesMatrix} over two blocks from {@code c} in one pass: one row's sums are chains of dependent
     * adds, and a single block waited on each add.
     */
    static void rowTimesMatrix2(float[] a, int aOff, int aStride, float[] b, int k, int n, int c, float[] out,
            int o) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        for (int t = 0; t < k; t++) {
            float s = a[aOff + t * aStride];
            int r = t * n + c;
            acc0 = TYPE.cast(acc0).add(FloatVector.fromArray(S, b, r).mul(s));
            acc1 = TYPE.cast(acc1).add(FloatVector.fromArray(S, b, r + L).mul(s));
        }
        TYPE.cast(acc0).intoArray(out, o);
        TYPE.cast(acc1).intoArray(out, o + L);
    }

    /**
     * {@link #rowTimesMatrix} over four blocks from {@code c} in one pass (Boston's batch-1 steps). A method of its
     * own, not a branch of {@link #rowTimesMatrix2}: compiled while only the capacity runs' leftover rows called it
     * with two blocks, the shared method ran Boston's four-block rows at a third of the speed afterwards.
     */
    static void rowTimesMatrix4(float[] a, int aOff, int aStride, float[] b, int k, int n, int c, float[] out,
            int o) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        for (int t = 0; t < k; t++) {
            float s = a[aOff + t * aStride];
            int r = t * n + c;
            acc0 = TYPE.cast(acc0).add(FloatVector.fromArray(S, b, r).mul(s));
            acc1 = TYPE.cast(acc1).add(FloatVector.fromArray(S, b, r + L).mul(s));
            acc2 = TYPE.cast(acc2).add(FloatVector.fromArray(S, b, r + 2 * L).mul(s));
            acc3 = TYPE.cast(acc3).add(FloatVector.fromArray(S, b, r + 3 * L).mul(s));
        }
        TYPE.cast(acc0).intoArray(out, o);
        TYPE.cast(acc1).intoArray(out, o + L);
        TYPE.cast(acc2).intoArray(out, o + 2 * L);
        TYPE.cast(acc3).intoArray(out, o + 3 * L);
    }

    /**
     * Four output rows (at {@code o}, {@code o + outRowStep}, ...) of one block: row {@code r} sums
     * {@code a[aOff + r * aRowStep + t * aStride] * b[t * n + c .. +L)} over {@code t}. One load of
     * {@code b} feeds four accumulators.
     */
    static void fourRowsTimesMatrix(float[] a, int aOff, int aRowStep, int aStride, float[] b, int k, int n, int c,
            float[] out, int o, int outRowStep) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        int a0 = aOff;
        int a1 = aOff + aRowStep;
        int a2 = aOff + 2 * aRowStep;
        int a3 = aOff + 3 * aRowStep;
        for (int t = 0; t < k; t++) {
            FloatVector bv = FloatVector.fromArray(S, b, t * n + c);
            int at = t * aStride;
            acc0 = TYPE.cast(acc0).add(bv.mul(a[a0 + at]));
            acc1 = TYPE.cast(acc1).add(bv.mul(a[a1 + at]));
            acc2 = TYPE.cast(acc2).add(bv.mul(a[a2 + at]));
            acc3 = TYPE.cast(acc3).add(bv.mul(a[a3 + at]));
        }
        TYPE.cast(acc0).intoArray(out, o);
        TYPE.cast(acc1).intoArray(out, o + outRowStep);
        TYPE.cast(acc2).intoArray(out, o + 2 * outRowStep);
        TYPE.cast(acc3).intoArray(out, o + 3 * outRowStep);
    }

    /** {@link #fourRowsTimesMatrix} over two blocks: two loads of {@code b} feed eight accumulators. */
    static void fourRowsTimesMatrix2(float[] a, int aOff, int aRowStep, int aStride, float[] b, int k, int n, int c,
            float[] out, int o, int outRowStep) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        FloatVector acc4 = FloatVector.zero(S);
        FloatVector acc5 = FloatVector.zero(S);
        FloatVector acc6 = FloatVector.zero(S);
        FloatVector acc7 = FloatVector.zero(S);
        int a0 = aOff;
        int a1 = aOff + aRowStep;
        int a2 = aOff + 2 * aRowStep;
        int a3 = aOff + 3 * aRowStep;
        for (int t = 0; t < k; t++) {
            int r = t * n + c;
            FloatVector b0 = FloatVector.fromArray(S, b, r);
            FloatVector b1 = FloatVector.fromArray(S, b, r + L);
            int at = t * aStride;
            float s0 = a[a0 + at];
            float s1 = a[a1 + at];
            float s2 = a[a2 + at];
            float s3 = a[a3 + at];
            acc0 = TYPE.cast(acc0).add(b0.mul(s0));
            acc1 = TYPE.cast(acc1).add(b1.mul(s0));
            acc2 = TYPE.cast(acc2).add(b0.mul(s1));
            acc3 = TYPE.cast(acc3).add(b1.mul(s1));
            acc4 = TYPE.cast(acc4).add(b0.mul(s2));
            acc5 = TYPE.cast(acc5).add(b1.mul(s2));
            acc6 = TYPE.cast(acc6).add(b0.mul(s3));
            acc7 = TYPE.cast(acc7).add(b1.mul(s3));
        }
        TYPE.cast(acc0).intoArray(out, o);
        TYPE.cast(acc1).intoArray(out, o + L);
        TYPE.cast(acc2).intoArray(out, o + outRowStep);
        TYPE.cast(acc3).intoArray(out, o + outRowStep + L);
        TYPE.cast(acc4).intoArray(out, o + 2 * outRowStep);
        TYPE.cast(acc5).intoArray(out, o + 2 * outRowStep + L);
        TYPE.cast(acc6).intoArray(out, o + 3 * outRowStep);
        TYPE.cast(acc7).intoArray(out, o + 3 * outRowStep + L);
    }

    /**
     * {@link #fourRowsTimesMatrix2} for rows of {@code a} that are contiguous ({@code a[aOff + r * aRowStep + t]})
     * and a packed panel two blocks wide ({@code p[base + t * 2L ..]}). Every index is then the loop counter times
     * a constant plus an invariant, and C2 hoists all six range checks out of the loop: the general kernel, whose
     * strides are variables, checked each load on every pass, and the scalar loads of {@code a} each stood in a
     * block of their own behind their check, so three of the four were loaded and then broadcast by a separate
     * shuffle instead of by the load itself (hsdis). Same products, same order, same bits.
     */
    static void fourRowsTimesPanel2(float[] a, int aOff, int aRowStep, float[] p, int k, int base, float[] out,
            int o, int outRowStep) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        FloatVector acc4 = FloatVector.zero(S);
        FloatVector acc5 = FloatVector.zero(S);
        FloatVector acc6 = FloatVector.zero(S);
        FloatVector acc7 = FloatVector.zero(S);
        int a0 = aOff;
        int a1 = aOff + aRowStep;
        int a2 = aOff + 2 * aRowStep;
        int a3 = aOff + 3 * aRowStep;
        for (int t = 0; t < k; t++) {
            int r = base + t * (2 * L);
            FloatVector b0 = FloatVector.fromArray(S, p, r);
            FloatVector b1 = FloatVector.fromArray(S, p, r + L);
            float s0 = a[a0 + t];
            float s1 = a[a1 + t];
            float s2 = a[a2 + t];
            float s3 = a[a3 + t];
            acc0 = TYPE.cast(acc0).add(b0.mul(s0));
            acc1 = TYPE.cast(acc1).add(b1.mul(s0));
            acc2 = TYPE.cast(acc2).add(b0.mul(s1));
            acc3 = TYPE.cast(acc3).add(b1.mul(s1));
            acc4 = TYPE.cast(acc4).add(b0.mul(s2));
            acc5 = TYPE.cast(acc5).add(b1.mul(s2));
            acc6 = TYPE.cast(acc6).add(b0.mul(s3));
            acc7 = TYPE.cast(acc7).add(b1.mul(s3));
        }
        TYPE.cast(acc0).intoArray(out, o);
        TYPE.cast(acc1).intoArray(out, o + L);
        TYPE.cast(acc2).intoArray(out, o + outRowStep);
        TYPE.cast(acc3).intoArray(out, o + outRowStep + L);
        TYPE.cast(acc4).intoArray(out, o + 2 * outRowStep);
        TYPE.cast(acc5).intoArray(out, o + 2 * outRowStep + L);
        TYPE.cast(acc6).intoArray(out, o + 3 * outRowStep);
        TYPE.cast(acc7).intoArray(out, o + 3 * outRowStep + L);
    }

    /**
     * Two output rows of a packed panel four blocks wide ({@code p[base + t * 4L ..]}), over {@code t} in
     * {@code [t0, t1)}: row {@code r}'s block {@code j}, stored at {@code out[(r == 0 ? o : o1) + j * L ..]}, is its
     * sum so far, read from {@code init[(r == 0 ? i0 : i1) + j * L ..]} (the output itself, or zeros), plus
     * {@code a[aOff + r * aRowStep + t] * p[base + t * 4L + j * L ..]} in order of {@code t}. A partial sum stored
     * and loaded again is the same float, and a sum started from a loaded +0 is the one started from a zero
     * register, so a product cut into ranges of {@code t} sums every element as one pass does.
     *
     * <p>Each multiply of a vector by a value of {@code a} needs that value broadcast to every lane, and on this
     * machine's AVX-512 (Zen 4) a broadcast takes a turn of the floating-point pipes that the multiplies and adds
     * use: {@link #fourRowsTimesPanel2} broadcasts once for every two multiplies, this kernel once for every four
     * (82 GFLOP/s on one core against 65-78 in a 128 x 512 x 512 product; twelve independent multiply-add pairs in
     * registers reach 117). Rows a whole number of eight blocks wide take {@link #twoRowsTimesPanel8}: its sixteen
     * accumulators once passed C2's inlining budget with their casts in a helper (see {@link #TYPE}).
     */
    static void twoRowsTimesPanel4(float[] a, int aOff, int aRowStep, float[] p, int t0, int t1, int base,
            float[] init, int i0, int i1, float[] out, int o, int o1) {
        FloatVector c00 = FloatVector.fromArray(S, init, i0);
        FloatVector c01 = FloatVector.fromArray(S, init, i0 + L);
        FloatVector c02 = FloatVector.fromArray(S, init, i0 + 2 * L);
        FloatVector c03 = FloatVector.fromArray(S, init, i0 + 3 * L);
        FloatVector c10 = FloatVector.fromArray(S, init, i1);
        FloatVector c11 = FloatVector.fromArray(S, init, i1 + L);
        FloatVector c12 = FloatVector.fromArray(S, init, i1 + 2 * L);
        FloatVector c13 = FloatVector.fromArray(S, init, i1 + 3 * L);
        int a0 = aOff;
        int a1 = aOff + aRowStep;
        for (int t = t0; t < t1; t++) {
            int r = base + t * (4 * L);
            FloatVector b0 = FloatVector.fromArray(S, p, r);
            FloatVector b1 = FloatVector.fromArray(S, p, r + L);
            FloatVector b2 = FloatVector.fromArray(S, p, r + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, p, r + 3 * L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + t]);
            c00 = TYPE.cast(c00).add(b0.mul(s));
            c01 = TYPE.cast(c01).add(b1.mul(s));
            c02 = TYPE.cast(c02).add(b2.mul(s));
            c03 = TYPE.cast(c03).add(b3.mul(s));
            s = FloatVector.broadcast(S, a[a1 + t]);
            c10 = TYPE.cast(c10).add(b0.mul(s));
            c11 = TYPE.cast(c11).add(b1.mul(s));
            c12 = TYPE.cast(c12).add(b2.mul(s));
            c13 = TYPE.cast(c13).add(b3.mul(s));
        }
        TYPE.cast(c00).intoArray(out, o);
        TYPE.cast(c01).intoArray(out, o + L);
        TYPE.cast(c02).intoArray(out, o + 2 * L);
        TYPE.cast(c03).intoArray(out, o + 3 * L);
        TYPE.cast(c10).intoArray(out, o1);
        TYPE.cast(c11).intoArray(out, o1 + L);
        TYPE.cast(c12).intoArray(out, o1 + 2 * L);
        TYPE.cast(c13).intoArray(out, o1 + 3 * L);
    }

    /**
     * {@link #twoRowsTimesPanel4} for a panel eight blocks wide ({@code p[base + t * 8L ..]}): sixteen accumulators
     * and one broadcast of a value of {@code a} per eight multiplies, the same sums in the same order. In isolation
     * 43.5-45.9 against 41.0-45.3 GMAC/s for two four-block panels (k = 64, 256, 512; 2026-12-07); {@code reuters-wide}
     * on one thread 10.82, 10.42, 9.64 s against 12.17, 11.33, 10.16 s (alternating).
     */
    static void twoRowsTimesPanel8(float[] a, int aOff, int aRowStep, float[] p, int t0, int t1, int base,
            float[] init, int i0, int i1, float[] out, int o, int o1) {
        FloatVector c00 = FloatVector.fromArray(S, init, i0);
        FloatVector c01 = FloatVector.fromArray(S, init, i0 + L);
        FloatVector c02 = FloatVector.fromArray(S, init, i0 + 2 * L);
        FloatVector c03 = FloatVector.fromArray(S, init, i0 + 3 * L);
        FloatVector c04 = FloatVector.fromArray(S, init, i0 + 4 * L);
        FloatVector c05 = FloatVector.fromArray(S, init, i0 + 5 * L);
        FloatVector c06 = FloatVector.fromArray(S, init, i0 + 6 * L);
        FloatVector c07 = FloatVector.fromArray(S, init, i0 + 7 * L);
        FloatVector c10 = FloatVector.fromArray(S, init, i1);
        FloatVector c11 = FloatVector.fromArray(S, init, i1 + L);
        FloatVector c12 = FloatVector.fromArray(S, init, i1 + 2 * L);
        FloatVector c13 = FloatVector.fromArray(S, init, i1 + 3 * L);
        FloatVector c14 = FloatVector.fromArray(S, init, i1 + 4 * L);
        FloatVector c15 = FloatVector.fromArray(S, init, i1 + 5 * L);
        FloatVector c16 = FloatVector.fromArray(S, init, i1 + 6 * L);
        FloatVector c17 = FloatVector.fromArray(S, init, i1 + 7 * L);
        int a0 = aOff;
        int a1 = aOff + aRowStep;
        for (int t = t0; t < t1; t++) {
            int r = base + t * (8 * L);
            FloatVector b0 = FloatVector.fromArray(S, p, r);
            FloatVector b1 = FloatVector.fromArray(S, p, r + L);
            FloatVector b2 = FloatVector.fromArray(S, p, r + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, p, r + 3 * L);
            FloatVector b4 = FloatVector.fromArray(S, p, r + 4 * L);
            FloatVector b5 = FloatVector.fromArray(S, p, r + 5 * L);
            FloatVector b6 = FloatVector.fromArray(S, p, r + 6 * L);
            FloatVector b7 = FloatVector.fromArray(S, p, r + 7 * L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + t]);
            c00 = TYPE.cast(c00).add(b0.mul(s));
            c01 = TYPE.cast(c01).add(b1.mul(s));
            c02 = TYPE.cast(c02).add(b2.mul(s));
            c03 = TYPE.cast(c03).add(b3.mul(s));
            c04 = TYPE.cast(c04).add(b4.mul(s));
            c05 = TYPE.cast(c05).add(b5.mul(s));
            c06 = TYPE.cast(c06).add(b6.mul(s));
            c07 = TYPE.cast(c07).add(b7.mul(s));
            s = FloatVector.broadcast(S, a[a1 + t]);
            c10 = TYPE.cast(c10).add(b0.mul(s));
            c11 = TYPE.cast(c11).add(b1.mul(s));
            c12 = TYPE.cast(c12).add(b2.mul(s));
            c13 = TYPE.cast(c13).add(b3.mul(s));
            c14 = TYPE.cast(c14).add(b4.mul(s));
            c15 = TYPE.cast(c15).add(b5.mul(s));
            c16 = TYPE.cast(c16).add(b6.mul(s));
            c17 = TYPE.cast(c17).add(b7.mul(s));
        }
        TYPE.cast(c00).intoArray(out, o);
        TYPE.cast(c01).intoArray(out, o + L);
        TYPE.cast(c02).intoArray(out, o + 2 * L);
        TYPE.cast(c03).intoArray(out, o + 3 * L);
        TYPE.cast(c04).intoArray(out, o + 4 * L);
        TYPE.cast(c05).intoArray(out, o + 5 * L);
        TYPE.cast(c06).intoArray(out, o + 6 * L);
        TYPE.cast(c07).intoArray(out, o + 7 * L);
        TYPE.cast(c10).intoArray(out, o1);
        TYPE.cast(c11).intoArray(out, o1 + L);
        TYPE.cast(c12).intoArray(out, o1 + 2 * L);
        TYPE.cast(c13).intoArray(out, o1 + 3 * L);
        TYPE.cast(c14).intoArray(out, o1 + 4 * L);
        TYPE.cast(c15).intoArray(out, o1 + 5 * L);
        TYPE.cast(c16).intoArray(out, o1 + 6 * L);
        TYPE.cast(c17).intoArray(out, o1 + 7 * L);
    }

    /**
     * Four output rows (at {@code o}, {@code o + outRowStep}, ...) of three blocks, read from {@code b} (rows
     * {@code n} apart) at {@code c}, {@code c + L} and {@code c + bThird} and stored at {@code o}, {@code o + L} and
     * {@code o + third}. A row 33 to 48 wide (the 46 topics of a Reuters output layer) is then one pass: its last
     * block ends at the row's end, and its lanes shared with the block before are recomputed in the same order. As
     * a pair of blocks then a single one, the single block broadcast a value of {@code a} once per multiply (4 per
     * 4); here 4 broadcasts feed 12 multiplies. For a packed panel ({@code b} rows 3L apart, {@code bThird = 2L}) a
     * copy of this kernel with constant strides was 1-2 % faster: not worth a second copy.
     */
    static void fourRowsTimesMatrix3(float[] a, int aOff, int aRowStep, int aStride, float[] b, int k, int n, int c,
            int bThird, float[] out, int o, int third, int outRowStep) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S);
        int a0 = aOff;
        int a1 = aOff + aRowStep;
        int a2 = aOff + 2 * aRowStep;
        int a3 = aOff + 3 * aRowStep;
        for (int t = 0; t < k; t++) {
            int r = t * n + c;
            FloatVector b0 = FloatVector.fromArray(S, b, r);
            FloatVector b1 = FloatVector.fromArray(S, b, r + L);
            FloatVector b2 = FloatVector.fromArray(S, b, r + bThird);
            int at = t * aStride;
            FloatVector s = FloatVector.broadcast(S, a[a0 + at]);
            c00 = TYPE.cast(c00).add(b0.mul(s));
            c01 = TYPE.cast(c01).add(b1.mul(s));
            c02 = TYPE.cast(c02).add(b2.mul(s));
            s = FloatVector.broadcast(S, a[a1 + at]);
            c10 = TYPE.cast(c10).add(b0.mul(s));
            c11 = TYPE.cast(c11).add(b1.mul(s));
            c12 = TYPE.cast(c12).add(b2.mul(s));
            s = FloatVector.broadcast(S, a[a2 + at]);
            c20 = TYPE.cast(c20).add(b0.mul(s));
            c21 = TYPE.cast(c21).add(b1.mul(s));
            c22 = TYPE.cast(c22).add(b2.mul(s));
            s = FloatVector.broadcast(S, a[a3 + at]);
            c30 = TYPE.cast(c30).add(b0.mul(s));
            c31 = TYPE.cast(c31).add(b1.mul(s));
            c32 = TYPE.cast(c32).add(b2.mul(s));
        }
        TYPE.cast(c00).intoArray(out, o);
        TYPE.cast(c01).intoArray(out, o + L);
        TYPE.cast(c02).intoArray(out, o + third);
        TYPE.cast(c10).intoArray(out, o + outRowStep);
        TYPE.cast(c11).intoArray(out, o + outRowStep + L);
        TYPE.cast(c12).intoArray(out, o + outRowStep + third);
        TYPE.cast(c20).intoArray(out, o + 2 * outRowStep);
        TYPE.cast(c21).intoArray(out, o + 2 * outRowStep + L);
        TYPE.cast(c22).intoArray(out, o + 2 * outRowStep + third);
        TYPE.cast(c30).intoArray(out, o + 3 * outRowStep);
        TYPE.cast(c31).intoArray(out, o + 3 * outRowStep + L);
        TYPE.cast(c32).intoArray(out, o + 3 * outRowStep + third);
    }

    /** {@link #fourRowsTimesPanel2} for a panel one block wide ({@code p[base + t * L ..]}). */
    static void fourRowsTimesPanel(float[] a, int aOff, int aRowStep, float[] p, int k, int base, float[] out, int o,
            int outRowStep) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        int a0 = aOff;
        int a1 = aOff + aRowStep;
        int a2 = aOff + 2 * aRowStep;
        int a3 = aOff + 3 * aRowStep;
        for (int t = 0; t < k; t++) {
            FloatVector bv = FloatVector.fromArray(S, p, base + t * L);
            acc0 = TYPE.cast(acc0).add(bv.mul(a[a0 + t]));
            acc1 = TYPE.cast(acc1).add(bv.mul(a[a1 + t]));
            acc2 = TYPE.cast(acc2).add(bv.mul(a[a2 + t]));
            acc3 = TYPE.cast(acc3).add(bv.mul(a[a3 + t]));
        }
        TYPE.cast(acc0).intoArray(out, o);
        TYPE.cast(acc1).intoArray(out, o + outRowStep);
        TYPE.cast(acc2).intoArray(out, o + 2 * outRowStep);
        TYPE.cast(acc3).intoArray(out, o + 3 * outRowStep);
    }

    /**
     * Copies {@code blocks} blocks of columns from {@code c} of every row of {@code b} (k x n) into {@code panel}
     * from {@code at}, rows {@code stride} apart: {@code panel[at + t * stride ..] = b[t * n + c ..]}.
     */
    static void copyPanel(float[] b, int k, int n, int c, int blocks, float[] panel, int at, int stride) {
        int w = blocks * L;
        for (int t = 0; t < k; t++) {
            int from = t * n + c;
            int to = at + t * stride;
            for (int j = 0; j < w; j += L) {
                FloatVector.fromArray(S, b, from + j).intoArray(panel, to + j);
            }
        }
    }

    /**
     * {@code out[o + j] += bias[c + j]}, then with {@code relu} {@code Math.max(out[o + j], 0)}, for {@code j} in
     * {@code [0, width)}, a whole number of vectors: as Math.max, a NaN stays NaN and -0 becomes +0 (the lanes at
     * most 0 become +0, and a NaN is not at most 0).
     */
    static void biasRelu(float[] out, int o, float[] bias, int c, int width, boolean relu) {
        if (relu) {
            FloatVector zero = FloatVector.zero(S);
            for (int j = 0; j < width; j += L) {
                FloatVector v = FloatVector.fromArray(S, out, o + j).add(FloatVector.fromArray(S, bias, c + j));
                v.blend(zero, v.compare(VectorOperators.LE, 0f)).intoArray(out, o + j);
            }
        } else {
            for (int j = 0; j < width; j += L) {
                FloatVector.fromArray(S, out, o + j).add(FloatVector.fromArray(S, bias, c + j)).intoArray(out, o + j);
            }
        }
    }

    /** {@code out[i] = y[i] > 0 ? g[i] : +0} for {@code i} in {@code [from, to)}: ReLU's gradient, without a branch. */
    static void reluGradient(float[] y, float[] g, float[] out, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            TYPE.cast(zero).blend(FloatVector.fromArray(S, g, i), yv.compare(VectorOperators.GT, 0f))
                    .intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = y[i] > 0f ? g[i] : 0f;
        }
    }

    /**
     * {@link #reluGradient} of one row's columns {@code [from, to)} (its values from {@code r + from}), each value
     * also added to its column's sum, {@code sums[j]}, as it is written: the bias gradient without reading the
     * activation gradient back.
     */
    static void reluGradientAndSums(float[] y, float[] g, float[] out, int r, int from, int to, float[] sums) {
        FloatVector zero = FloatVector.zero(S);
        int j = from;
        for (; j + L <= to; j += L) {
            int i = r + j;
            FloatVector o = TYPE.cast(zero).blend(FloatVector.fromArray(S, g, i),
                    FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, 0f));
            o.intoArray(out, i);
            FloatVector.fromArray(S, sums, j).add(TYPE.cast(o)).intoArray(sums, j);
        }
        for (; j < to; j++) {
            float o = y[r + j] > 0f ? g[r + j] : 0f;
            out[r + j] = o;
            sums[j] += o;
        }
    }

    /**
     * RMSprop over whole vectors of {@code [from, to)}, each value rounded as in {@link ElementWise#rmsProp}:
     * {@code v = rho v + (1 - rho) (g g); w = w - (lr g) / sqrt(v + eps)}, with {@code g} read {@code gShift}
     * values before {@code w} and {@code v}, and {@code v} first multiplied by {@code rho} {@code decays} times
     * ({@link ElementWise#rmsPropSpan}). Returns where the scalar tail starts.
     *
     * <p>The square root and the division are most of the cost where the values are in cache (a Boston step spent
     * two fifths of its time here, JFR): each takes the divider for several cycles per vector. A vector whose
     * {@code lr g} is zero in every lane (a ReLU unit that did not fire: with batches of one, half the rows of a
     * hidden kernel's gradient) skips both when {@code v + eps > 0} in every lane: a signed zero divided by a
     * positive number (or infinity) is that same zero, so {@code (lr g) / sqrt(v + eps)} is {@code lr g} itself,
     * and the weight is {@code w - lr g}, the same bits (a {@code -0} weight minus {@code -0} is {@code +0} both
     * ways). Any other vector, and any lane whose denominator is zero, negative or NaN, takes the full step.
     */
    static int rmsProp(float[] w, float[] g, int gShift, float[] v, int decays, float lr, float rho,
            float oneMinusRho, float eps, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector gv = FloatVector.fromArray(S, g, i - gShift);
            FloatVector old = FloatVector.fromArray(S, v, i);
            for (int d = 0; d < decays; d++) {
                old = TYPE.cast(old).mul(rho);
            }
            FloatVector vv = TYPE.cast(old).mul(rho).add(gv.mul(gv).mul(oneMinusRho));
            vv.intoArray(v, i);
            FloatVector scaled = gv.mul(lr);
            FloatVector denominator = vv.add(eps);
            FloatVector weights = FloatVector.fromArray(S, w, i);
            // each branch stores its own result: a vector merged from the two (a phi) was boxed on the heap in some
            // JVMs' compilations (bench C 10-14 us a step instead of 5, 250-380 MB of peak heap)
            if (scaled.compare(VectorOperators.EQ, 0f).allTrue()
                    && denominator.compare(VectorOperators.GT, 0f).allTrue()) {
                weights.sub(scaled).intoArray(w, i);
            } else {
                weights.sub(scaled.div(denominator.lanewise(VectorOperators.SQRT))).intoArray(w, i);
            }
        }
        return i;
    }

    // Tails: the last 1..L-1 columns of a row at least L wide whose width is not a multiple of L
    // (46-wide softmax layers) run as the block that ends at the row's end. The lanes it shares with the
    // block before are recomputed in the same order: the same bits.
}
