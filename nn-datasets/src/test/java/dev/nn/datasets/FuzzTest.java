package dev.nn.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.nn.datasets.io.DatasetFormatException;
import dev.nn.datasets.io.Npz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flips, truncates and splices bytes of real and fixture files thousands of times (seeded, bounded in
 * time): every outcome is a successful read or a {@link DatasetFormatException}; nothing else escapes.
 */
class FuzzTest {

    private static final long BUDGET_NANOS = 20_000_000_000L;
    private static final int MUTATIONS = 15_000;

    @TempDir
    Path dir;

    @Test
    void mutatedFilesFailOnlyWithTheDeclaredException() throws Exception {
        Path fixture = Fixtures.npz(dir.resolve("seqs.npz"), Map.of(
                "x", Fixtures.objectNpy(new int[][] {{1, 14, 22, 16}, {1, 2, 300, 70000}, {}, {5}}),
                "y", Fixtures.npy("<i8", "(4,)", new byte[32])), false);
        byte[][] seeds = {Files.readAllBytes(Fixtures.realData("boston_housing.npz")), Files.readAllBytes(fixture),
                Files.readAllBytes(Fixtures.npz(dir.resolve("seqs-deflated.npz"), Map.of(
                        "x", Fixtures.objectNpy(new int[][] {{1, 2, 3}, {4, 5, 6, 7, 8}})), true))};
        SplittableRandom rng = new SplittableRandom(2024);
        Path target = dir.resolve("mutant.npz");
        long start = System.nanoTime();
        int runs = 0;
        int rejected = 0;
        while (runs < MUTATIONS && System.nanoTime() - start < BUDGET_NANOS) {
            byte[] seed = seeds[runs % seeds.length];
            byte[] mutant = mutate(seed, seeds[rng.nextInt(seeds.length)], rng);
            Files.write(target, mutant);
            try {
                Npz.read(target);
            } catch (DatasetFormatException expected) {
                assertThat(expected.getMessage()).startsWith("mutant.npz");
                rejected++;
            } catch (Throwable t) {
                fail("mutation " + runs + " escaped as " + t, t);
            }
            runs++;
        }
        assertThat(runs).as("mutations tried within the time budget").isGreaterThan(1_000);
        assertThat(rejected).as("most mutants are rejected").isGreaterThan(runs / 4);
    }

    private static byte[] mutate(byte[] seed, byte[] other, SplittableRandom rng) {
        byte[] b = seed.clone();
        switch (rng.nextInt(4)) {
            case 0 -> { // flip bytes, mostly in headers where structure lives
                int flips = 1 + rng.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int at = rng.nextInt(Math.min(b.length, rng.nextBoolean() ? 400 : b.length));
                    b[at] ^= (byte) (1 << rng.nextInt(8));
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, rng.nextInt(b.length)); // truncate
            case 2 -> { // splice a run of another file in
                int at = rng.nextInt(b.length);
                int from = rng.nextInt(other.length);
                int len = Math.min(rng.nextInt(1, 200), Math.min(b.length - at, other.length - from));
                System.arraycopy(other, from, b, at, len);
            }
            default -> { // overwrite with a random value
                int at = rng.nextInt(b.length);
                b[at] = (byte) rng.nextInt(256);
            }
        }
        return b;
    }
}
