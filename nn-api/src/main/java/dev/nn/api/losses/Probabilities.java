package dev.nn.api.losses;

/** Shared numerics of the cross-entropies. */
final class Probabilities {

    /** Keras's {@code backend.epsilon()}: probabilities are clipped to {@code [1e-7, 1 - 1e-7]}. */
    static final float EPSILON = 1e-7f;

    private Probabilities() {
    }

    static float clip(float p) {
        return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
    }

    static boolean clipped(float p) {
        return p < EPSILON || p > 1 - EPSILON;
    }
}
