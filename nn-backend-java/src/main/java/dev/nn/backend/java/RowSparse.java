package dev.nn.backend.java;

import java.util.Arrays;

/**
 * Row-sparse kernel gradients of multi-hot inputs (and of a batch of one whose input holds zeros,
 * {@link MatMul#outerRows}), and the RMSprop step that only touches their rows.
 *
 * <p>A batch of 128 Reuters newswires names about a third of the 10,000-word vocabulary, so two thirds of the
 * rows of the first layer's kernel gradient are zero. Written densely, that gradient (20 MB for the book's
 * Dense(512) variant) was zeroed, scattered into and then read again by RMSprop, which also rewrote every weight
 * and velocity: most of a step's memory traffic. Here the gradient keeps only its nonzero rows, packed, and
 * RMSprop updates only their weights.
 *
 * <p>The result is the same to the bit. On a zero gradient row RMSprop computes {@code v = rho v + (1 - rho) 0}
 * and {@code w = w - (lr 0) / sqrt(v + eps)}; with {@code v >= 0}, {@code eps > 0} and a finite {@code lr} these
 * are exactly {@code v = rho v} and {@code w = w}. The weight is left alone and the velocity's decay is counted
 * instead: a row owes one multiplication by {@code rho} per step it was not touched, and pays them, one after
 * another in the same order, the next time its gradient is not zero, or when anything else reads the velocity
 * ({@link #settle}). The same multiplications are made in the same order as by the dense step.
 */
final class RowSparse {

    private RowSparse() {
    }

    /** Whether the step may skip zero rows: the dense step's zero-row result is then exactly v = rho v, w = w. */
    static boolean exact(float lr, float rho, float eps) {
        return eps > 0f && Float.isFinite(lr) && Float.isFinite(rho) && rho >= 0f;
    }

    /** Turns {@code t} back into a plain array: a row-sparse value is spread out, deferred decays are paid. */
    static void settle(JavaTensor t) {
        if (t.rowIds != null) {
            expand(t);
        }
        if (t.lazySteps != 0) {
            int n = t.cols();
            for (int r = 0; r < t.rows(); r++) {
                decay(t.data, r * n, n, t.lazyRho, t.lazySteps - t.rowSteps[r]);
            }
            Arrays.fill(t.rowSteps, 0);
            t.lazySteps = 0;
        }
    }

    /** Forgets what {@code t} held, row-sparse or owed, before a kernel overwrites all of it. */
    static void overwritten(JavaTensor t) {
        t.rowIds = null;
        t.rowCount = 0;
        if (t.lazySteps != 0) {
            Arrays.fill(t.rowSteps, 0);
            t.lazySteps = 0;
        }
    }

    /** Moves each packed row to its place, from the last (a row's place is never before its packed position). */
    private static void expand(JavaTensor t) {
        int n = t.cols();
        float[] d = t.data;
        int[] ids = t.rowIds;
        int next = t.rows();
        for (int p = t.rowCount - 1; p >= 0; p--) {
            int r = ids[p];
            Arrays.fill(d, (r + 1) * n, next * n, 0f);
            if (r != p) {
                System.arraycopy(d, p * n, d, r * n, n);
            }
            next = r;
        }
        Arrays.fill(d, 0, next * n, 0f);
        t.rowIds = null;
        t.rowCount = 0;
    }

    /** {@code v[at .. at+n) *= rho}, {@code times} times over. */
    private static void decay(float[] v, int at, int n, float rho, int times) {
        for (int k = 0; k < times; k++) {
            for (int i = at; i < at + n; i++) {
                v[i] = rho * v[i];
            }
        }
    }

    /**
     * The RMSprop step for a row-sparse gradient {@code g} (see {@link #exact}): each nonzero row first pays its
     * deferred decays, in the step's own pass over it, then takes the ordinary step; every other row owes one more
     * decay. Paid in a pass of their own, the decays were a fifth of the step's time in {@code reuters-512} (JFR).
     */
    static void rmsProp(ElementWise kernels, Parallel parallel, JavaTensor w, JavaTensor g, JavaTensor v, float lr,
            float rho, float eps) {
        if (v.lazySteps != 0 && (v.lazyRho != rho || v.lazySteps == Integer.MAX_VALUE)) {
            settle(v);
        }
        if (v.rowSteps == null) {
            v.rowSteps = new int[v.rows()];
        }
        int n = w.cols();
        int[] ids = g.rowIds;
        int[] steps = v.rowSteps;
        int now = v.lazySteps;
        parallel.range(g.rowCount, (long) g.rowCount * n * 4, (from, to) -> {
            for (int p = from; p < to; p++) {
                int r = ids[p];
                int owed = now - steps[r];
                steps[r] = now + 1;
                kernels.rmsPropSpan(w.data, g.data, (r - p) * n, v.data, r * n, n, owed, lr, rho, eps);
            }
        });
        v.lazyRho = rho;
        v.lazySteps = now + 1;
    }
}
