package dev.nn.testkit.conformance;

/**
 * Every tolerance of the suite, stated once. Each is relative: {@code |actual - expected| <= tol * (1 + |expected|)}.
 */
public final class Tolerances {

    private Tolerances() {
    }

    /**
     * Arithmetic element-wise kernels: float32 results may differ from the reference by rounding once
     * ({@code 2^-24 ~ 6e-8}); 1e-6 leaves room for fused multiply-adds.
     */
    public static final double ELEMENTWISE = 1e-6;

    /** exp, log, tanh, sigmoid, sqrt: native math libraries are within a few ulps of the correctly rounded value. */
    public static final double TRANSCENDENTAL = 1e-5;

    /**
     * Sums of up to a few hundred float32 products: summation order differs between blocked,
     * vectorised and reference loops, each term adding up to {@code 2^-24} relative error.
     */
    public static final double ACCUMULATION = 1e-4;

    /**
     * Central finite differences in float32 with step {@link #FINITE_DIFFERENCE_STEP}: truncation error
     * {@code O(h^2) ~ 1e-4} plus cancellation {@code eps / h ~ 1e-5} relative to the loss, so 2e-2 of
     * the gradient's scale catches any wrong rule (a wrong derivative is off by O(1)).
     */
    public static final double GRADIENT = 2e-2;

    /** Step for finite differences. */
    public static final float FINITE_DIFFERENCE_STEP = 1e-2f;
}
