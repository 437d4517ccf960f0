package dev.nn.api.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The model's generator is SplittableRandom's stream, so seeds give the runs they gave before it existed. */
class SeededRandomTest {

    @Test
    void itDrawsExactlyWhatSplittableRandomDraws() {
        for (long seed : new long[] {0, 42, -7, Long.MAX_VALUE}) {
            SplittableRandom reference = new SplittableRandom(seed);
            SeededRandom ours = SeededRandom.of(seed);
            for (int i = 0; i < 10_000; i++) {
                switch (i % 4) {
                    case 0 -> assertThat(ours.nextLong()).isEqualTo(reference.nextLong());
                    case 1 -> assertThat(ours.nextInt(i + 1)).isEqualTo(reference.nextInt(i + 1));
                    case 2 -> assertThat(ours.nextDouble()).isEqualTo(reference.nextDouble());
                    default -> assertThat(ours.nextInt()).isEqualTo(reference.nextInt());
                }
            }
        }
    }

    @Test
    void aRestoredStateContinuesTheStream() {
        SeededRandom a = SeededRandom.of(9);
        for (int i = 0; i < 100; i++) {
            a.nextInt(25_000);
        }
        SeededRandom b = SeededRandom.of(1);
        b.setState(a.state());
        for (int i = 0; i < 100; i++) {
            assertThat(b.nextDouble()).isEqualTo(a.nextDouble());
        }
    }
}
