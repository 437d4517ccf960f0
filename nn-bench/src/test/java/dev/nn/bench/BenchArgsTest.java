package dev.nn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A bad command line is one message naming what was wrong and what is valid (exit code 2 in main). */
class BenchArgsTest {

    @Test
    void badValuesNameTheOptionAndWhatIsValid() {
        assertThatThrownBy(() -> Bench.run(new String[] {"--epochs", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--epochs expects a positive integer, received '0'");
        assertThatThrownBy(() -> Bench.run(new String[] {"--threads", "two"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--threads expects a positive integer");
        assertThatThrownBy(() -> Bench.run(new String[] {"--backend", "tensorflow"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown backend 'tensorflow'")
                .hasMessageContaining("java").hasMessageContaining("nd4j").hasMessageContaining("dl4j");
        assertThatThrownBy(() -> Bench.run(new String[] {"--workloads", "A,D"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A, B and C");
        assertThatThrownBy(() -> Bench.run(new String[] {"--warmup", "-1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--warmup expects seconds from 0 to 3600, received '-1'");
        assertThatThrownBy(() -> Bench.run(new String[] {"--warmup", "soon"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warmup expects seconds");
        assertThatThrownBy(() -> Bench.run(new String[] {"--rounds", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--rounds expects a positive integer, received '0'");
        assertThatThrownBy(() -> Bench.run(new String[] {"--epochs"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a value");
    }

    /** A and B over rounds: the median of the rounds' medians, the mean of the middle two for an even count. */
    @Test
    void roundsAreTakenByTheirMedian() {
        java.util.function.Function<Double, Bench.Result[]> round = a -> new Bench.Result[] {
                new Bench.Result(a, a * 11, Double.NaN, (long) (a * 1000)), Bench.NONE, Bench.NONE};
        assertThat(Bench.medianOfRounds(java.util.List.of(round.apply(0.3), round.apply(0.9), round.apply(0.5)), 0)
                .perEpoch()).isEqualTo(0.5);
        Bench.Result two = Bench.medianOfRounds(java.util.List.of(round.apply(0.3), round.apply(0.5)), 0);
        assertThat(two.perEpoch()).isEqualTo(0.4);
        assertThat(two.total()).isCloseTo(8.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(two.peakHeap()).isEqualTo(500);
        assertThat(Bench.medianOfRounds(java.util.List.<Bench.Result[]>of(round.apply(0.3)), 1).perEpoch()).isNaN();
    }

    @Test
    void warmUpRunsTwiceAndThenUntilItsTimeIsUp() {
        int[] runs = {0};
        Bench.warmUp(() -> runs[0]++, 0);
        assertThat(runs[0]).isEqualTo(2);
        long start = System.nanoTime();
        Bench.warmUp(() -> runs[0]++, 0.05);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(50_000_000L);
        assertThat(runs[0]).isGreaterThan(4);
    }

    @Test
    void theCrossCoreRoundTripIsMeasuredAndItsEchoThreadEnds() throws InterruptedException {
        assertThat(CrossCore.roundTripNanos()).isPositive();
        Thread.sleep(50);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("nn-bench-echo"));
    }
}
