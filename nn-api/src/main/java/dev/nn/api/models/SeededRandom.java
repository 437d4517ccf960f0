package dev.nn.api.models;

import java.util.random.RandomGenerator;

/**
 * The model's generator: the same stream as {@code new java.util.SplittableRandom(seed)} (the SplitMix64
 * algorithm of {@code SplittableRandom} with its default gamma), with its state readable and restorable, so
 * that a saved model's next shuffle continues where training stopped.
 */
public final class SeededRandom implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    private SeededRandom(long state) {
        this.state = state;
    }

    /** The stream of {@code new SplittableRandom(seed)}. */
    public static SeededRandom of(long seed) {
        return new SeededRandom(seed);
    }

    /** Continues from a {@link #state()} read earlier. */
    public void setState(long state) {
        this.state = state;
    }

    /** Everything the generator's future depends on. */
    public long state() {
        return state;
    }

    private long nextSeed() {
        return state += GOLDEN_GAMMA;
    }

    @Override
    public long nextLong() {
        long z = nextSeed();
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public int nextInt() {
        long z = nextSeed();
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
